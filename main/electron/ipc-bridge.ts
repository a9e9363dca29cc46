// The contract over Electron IPC: one invoke channel carrying (channel, input), one
// event channel. Every message is checked for its sender, then dispatched exactly as
// the web shell does; the window's subscription ends when the window goes.
import type { BrowserWindow, IpcMain } from 'electron';
import { electronChannels, type Reply } from '../../contract/ipc.js';
import { dispatch, type Handlers } from '../ipc/dispatch.js';
import type { NetworkService } from '../services/network-service.js';
import { isTrustedSender } from './sender-check.js';

const refused: Reply<never> = {
  ok: false,
  error: { code: 'access-denied', message: 'request from an untrusted frame' },
};

export function bridgeIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  win: BrowserWindow,
  handlers: Handlers,
  service: NetworkService,
): () => void {
  ipcMain.handle(electronChannels.invoke, (event, channel: unknown, input: unknown) =>
    isTrustedSender(event, win.isDestroyed() ? undefined : win.webContents)
      ? dispatch(handlers, channel, input)
      : refused,
  );
  const unsubscribe = service.subscribe((rows) => {
    if (!win.isDestroyed()) win.webContents.send(electronChannels.event, 'networks.changed', rows);
  });
  const end = () => {
    unsubscribe();
    ipcMain.removeHandler(electronChannels.invoke);
  };
  win.once('closed', end);
  return end;
}
