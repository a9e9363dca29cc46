// main/electron/main.ts wired up with Electron mocked (no Electron binary here): a
// packaged app registers the app-wide webContents rules before any window, opens no
// DevTools, and starts with the Terminal off unless the user's settings file (which
// no IPC channel writes) turns it on.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { electronChannels } from '../../../contract/ipc.js';

interface Shell {
  app: EventEmitter & { isPackaged: boolean };
  windows: { options: Record<string, unknown>; webContents: object; emit(e: string): void }[];
  invoke?: (event: unknown, channel: unknown, input: unknown) => Promise<unknown>;
  hardenedBeforeWindow: boolean;
}

const roots: string[] = [];
afterEach(() => {
  vi.resetModules();
  vi.doUnmock('electron');
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** Imports main.ts against a mocked Electron whose userData directory holds SETTINGS (if any). */
async function startApp(settings: string | undefined, isPackaged = true): Promise<Shell> {
  const root = mkdtempSync(join(tmpdir(), 'sy-electron-'));
  roots.push(root);
  if (settings !== undefined) writeFileSync(join(root, 'settings.json'), settings);
  for (const [key, dir] of [
    ['SWITCHYARD_CONFIG_DIR', 'config'],
    ['SWITCHYARD_RUN_DIR', 'run'],
    ['SWITCHYARD_STATE_DIR', 'state'],
  ] as const)
    vi.stubEnv(key, join(root, dir));
  const app = Object.assign(new EventEmitter(), {
    isPackaged,
    enableSandbox() {},
    whenReady: async () => {},
    getPath: (name: string) => (name === 'userData' ? root : '/nonexistent'),
    requestSingleInstanceLock: () => true,
    quit() {},
  });
  const shell: Shell = { app, windows: [], hardenedBeforeWindow: false };
  const session = {
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    setDevicePermissionHandler() {},
  };
  vi.doMock('electron', () => {
    class BrowserWindow extends EventEmitter {
      webContents = { send() {}, session };
      constructor(readonly options: Record<string, unknown>) {
        super();
        shell.hardenedBeforeWindow = app.listenerCount('web-contents-created') > 0;
        shell.windows.push(this as never);
      }
      isDestroyed() {
        return false;
      }
      async loadURL() {}
    }
    return {
      app,
      BrowserWindow,
      session: { defaultSession: session },
      protocol: { registerSchemesAsPrivileged() {}, handle() {} },
      ipcMain: {
        handle: (channel: string, fn: Shell['invoke']) => {
          if (channel === electronChannels.invoke) shell.invoke = fn;
        },
        removeHandler() {},
      },
      shell: { openExternal() {} },
      Menu: { buildFromTemplate: (template: unknown[]) => ({ template }), setApplicationMenu() {} },
      dialog: {},
    };
  });
  await import('../../../main/electron/main.js');
  return shell;
}

/** What the page is told about the Terminal, asked the way the page asks. */
async function features(shell: Shell) {
  const win = shell.windows[0]!;
  const event = {
    sender: win.webContents,
    senderFrame: { parent: null, url: 'app://switchyard/index.html' },
  };
  return shell.invoke!(event, 'app.features', {});
}

function quit(shell: Shell): void {
  shell.windows[0]?.emit('closed');
  shell.app.emit('before-quit');
}

describe('the desktop app as packaged', () => {
  it('applies the webContents rules app-wide before its window exists, and opens no DevTools', async () => {
    const shell = await startApp(undefined);
    try {
      expect(shell.app.listenerCount('web-contents-created')).toBe(1);
      expect(shell.hardenedBeforeWindow).toBe(true);
      expect((shell.windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
    } finally {
      quit(shell);
    }
  });

  it('starts with the Terminal off, and says which file turns it on', async () => {
    const shell = await startApp(undefined);
    try {
      const settingsFile = join(roots[0]!, 'settings.json');
      expect(await features(shell)).toEqual({
        ok: true,
        value: {
          terminal: false,
          terminalHint: `The terminal is off. To turn it on, set "terminal": true in ${settingsFile} and restart Switchyard.`,
        },
      });
    } finally {
      quit(shell);
    }
  });

  it('turns the Terminal on when the settings file says so', async () => {
    const shell = await startApp('{ "terminal": true }\n');
    try {
      expect(await features(shell)).toEqual({ ok: true, value: { terminal: true } });
    } finally {
      quit(shell);
    }
  });

  it('offers DevTools when run unpackaged (npm start)', async () => {
    const shell = await startApp(undefined, false);
    try {
      expect((shell.windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(true);
    } finally {
      quit(shell);
    }
  });
});
