// The window shell with Electron mocked (no Electron binary here): what it asks
// Electron for is the sandbox ARCHITECTURE.md describes (contextIsolation, sandbox,
// no nodeIntegration, navigation and new windows denied).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: Record<string, unknown>; url?: string }[] = [];
const openExternal = vi.fn();

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: FakeContents;
    constructor(readonly options: Record<string, unknown>) {
      this.webContents = new FakeContents();
      created.push({ options });
    }
    once() {}
    async loadURL(url: string) {
      created[created.length - 1]!.url = url;
    }
  }
  return { BrowserWindow, shell: { openExternal } };
});

class FakeContents {
  handlers = new Map<string, (...args: unknown[]) => void>();
  openHandler: ((d: { url: string }) => { action: string }) | undefined;
  on(event: string, fn: (...args: unknown[]) => void) {
    this.handlers.set(event, fn);
  }
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
}

const { createMainWindow, denyAllPermissions } = await import('../../../main/electron/window.js');

describe('Electron window shell', () => {
  beforeEach(() => {
    created.length = 0;
    openExternal.mockReset();
  });

  it('isolates and sandboxes the page and loads it from app://', () => {
    createMainWindow('/x/preload.cjs');
    const prefs = created[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/x/preload.cjs',
    });
    expect(created[0]?.url).toBe('app://switchyard/index.html');
  });

  it('denies navigation elsewhere and every new window; opens only allowlisted links outside', () => {
    const win = createMainWindow('/p') as unknown as { webContents: FakeContents };
    const nav = win.webContents.handlers.get('will-navigate')!;
    const prevented = vi.fn();
    nav({ preventDefault: prevented }, 'https://evil.example/');
    nav({ preventDefault: () => expect.unreachable() }, 'app://switchyard/index.html');
    expect(prevented).toHaveBeenCalledTimes(1);
    expect(win.webContents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(win.webContents.openHandler?.({ url: 'https://libvirt.org/formatnetwork.html' })).toEqual({
      action: 'deny',
    });
    expect(openExternal).toHaveBeenCalledWith('https://libvirt.org/formatnetwork.html');
  });

  it('denies every permission', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
      setDevicePermissionHandler: () => {},
    };
    denyAllPermissions(session as never);
    const cb = vi.fn();
    request?.({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(check?.()).toBe(false);
  });
});
