// The contract over Electron IPC: one invoke channel carrying (channel, input), one
// event channel. Every message is checked for its sender, then dispatched exactly as
// the web shell does; the window's subscriptions and terminals end when the window goes.
import type { BrowserWindow, IpcMain } from 'electron';
import { electronChannels, type Reply } from '../../contract/ipc.js';
import { dispatch } from '../ipc/dispatch.js';
import { type AppServices, openWindow } from '../ipc/handlers.js';
import { isTrustedSender } from './sender-check.js';

const refused: Reply<never> = {
  ok: false,
  error: { code: 'access-denied', message: 'request from an untrusted frame' },
};

export function bridgeIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  win: BrowserWindow,
  app: AppServices,
): () => void {
  const handle = openWindow(app, (event, payload) => {
    if (!win.isDestroyed()) win.webContents.send(electronChannels.event, event, payload);
  });
  ipcMain.handle(electronChannels.invoke, (event, channel: unknown, input: unknown) =>
    isTrustedSender(event, win.isDestroyed() ? undefined : win.webContents)
      ? dispatch(handle.handlers, channel, input)
      : refused,
  );
  const end = () => {
    handle.close();
    ipcMain.removeHandler(electronChannels.invoke);
  };
  win.once('closed', end);
  return end;
}
