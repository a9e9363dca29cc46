// Electron IPC with fakes: every message is checked for its sender before dispatch,
// and the window's subscription ends when the window closes.
import { describe, expect, it } from 'vitest';
import { electronChannels, type NetworkRow } from '../../../contract/ipc.js';
import type { StatsSampler } from '../../../host/stats/index.js';
import { bridgeIpc } from '../../../main/electron/ipc-bridge.js';
import type { AppServices } from '../../../main/ipc/handlers.js';
import type { NetworkService } from '../../../main/services/network-service.js';
import type { TerminalService } from '../../../main/services/terminal-service.js';

function setup() {
  let handler: ((event: unknown, channel: unknown, input: unknown) => Promise<unknown> | unknown) | undefined;
  const sent: unknown[][] = [];
  let closed: (() => void) | undefined;
  let listener: ((rows: NetworkRow[]) => void) | undefined;
  const webContents = { send: (...args: unknown[]) => sent.push(args) };
  const win = { webContents, isDestroyed: () => false, once: (_e: string, fn: () => void) => (closed = fn) };
  const ipcMain = {
    handle: (_c: string, fn: typeof handler) => (handler = fn),
    removeHandler: () => (handler = undefined),
  };
  const service = {
    subscribe: (fn: (rows: NetworkRow[]) => void) => {
      listener = fn;
      return () => (listener = undefined);
    },
    list: () => [],
  } as unknown as NetworkService;
  const terminal = { session: () => ({ closeAll: () => {} }) } as unknown as TerminalService;
  const app: AppServices = { network: service, sampler: {} as StatsSampler, terminal };
  bridgeIpc(ipcMain as never, win as never, app);
  return { handler: () => handler, sent, webContents, close: () => closed?.(), listener: () => listener };
}

const frame = (url: string) => ({ url, parent: null });

describe('Electron IPC bridge', () => {
  it('dispatches for our own top frame and refuses anyone else', async () => {
    const s = setup();
    const ours = { sender: s.webContents, senderFrame: frame('app://switchyard/index.html') };
    expect(await s.handler()?.(ours, 'networks.list', {})).toEqual({ ok: true, value: [] });
    const evil = { sender: s.webContents, senderFrame: frame('https://evil.example/') };
    expect(await s.handler()?.(evil, 'networks.list', {})).toMatchObject({
      ok: false,
      error: { code: 'access-denied' },
    });
  });

  it('pushes list changes to the window until it closes', () => {
    const s = setup();
    s.listener()?.([]);
    expect(s.sent).toEqual([[electronChannels.event, 'networks.changed', []]]);
    s.close();
    expect(s.listener()).toBeUndefined();
    expect(s.handler()).toBeUndefined();
  });
});
