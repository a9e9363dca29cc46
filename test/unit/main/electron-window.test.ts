// The window shell with Electron mocked (no Electron binary here): what it asks
// Electron for is the sandbox ARCHITECTURE.md describes (contextIsolation, sandbox,
// no nodeIntegration, navigation and new windows denied), for the main window and for
// every other webContents the app might get.
import { EventEmitter } from 'node:events';
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

class FakeSession {
  request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
  check: (() => boolean) | undefined;
  device: (() => boolean) | undefined;
  setPermissionRequestHandler(fn: FakeSession['request']) {
    this.request = fn;
  }
  setPermissionCheckHandler(fn: FakeSession['check']) {
    this.check = fn;
  }
  setDevicePermissionHandler(fn: FakeSession['device']) {
    this.device = fn;
  }
}

class FakeContents {
  handlers = new Map<string, (...args: unknown[]) => void>();
  openHandler: ((d: { url: string }) => { action: string }) | undefined;
  session = new FakeSession();
  devToolsClosed = 0;
  on(event: string, fn: (...args: unknown[]) => void) {
    this.handlers.set(event, fn);
  }
  setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
  closeDevTools() {
    this.devToolsClosed++;
  }
}

const { createMainWindow, denyAllPermissions, hardenEveryWebContents } = await import(
  '../../../main/electron/window.js'
);

/** A webContents the app did not make on purpose (a popup, a webview), as Electron announces it. */
function announce(rules: { devTools: boolean }): FakeContents {
  const app = new EventEmitter();
  hardenEveryWebContents(app as never, rules);
  const contents = new FakeContents();
  app.emit('web-contents-created', {}, contents);
  return contents;
}

describe('Electron window shell', () => {
  beforeEach(() => {
    created.length = 0;
    openExternal.mockReset();
  });

  it('isolates and sandboxes the page, loads it from app:// and offers DevTools only when told', () => {
    createMainWindow('/x/preload.cjs', { devTools: false });
    createMainWindow('/x/preload.cjs', { devTools: true });
    const prefs = created[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/x/preload.cjs',
      devTools: false,
    });
    expect((created[1]!.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
    expect(created[0]?.url).toBe('app://switchyard/index.html');
  });

  it('every webContents the app gets denies navigation and redirects elsewhere, webviews and new windows', () => {
    const contents = announce({ devTools: false });
    for (const event of ['will-navigate', 'will-redirect']) {
      const prevented = vi.fn();
      contents.handlers.get(event)!({ preventDefault: prevented }, 'https://evil.example/');
      contents.handlers.get(event)!(
        { preventDefault: () => expect.unreachable() },
        'app://switchyard/index.html',
      );
      expect(prevented).toHaveBeenCalledTimes(1);
    }
    const attach = vi.fn();
    contents.handlers.get('will-attach-webview')!({ preventDefault: attach });
    expect(attach).toHaveBeenCalled();
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(contents.openHandler?.({ url: 'https://libvirt.org/formatnetwork.html' })).toEqual({
      action: 'deny',
    });
    expect(openExternal).toHaveBeenCalledWith('https://libvirt.org/formatnetwork.html');
  });

  it("every webContents' session denies every permission", () => {
    const { session } = announce({ devTools: false });
    const cb = vi.fn();
    session.request?.({}, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(session.check?.()).toBe(false);
    expect(session.device?.()).toBe(false);
  });

  it('closes DevTools wherever they open in a packaged build, and leaves them in development', () => {
    const packaged = announce({ devTools: false });
    packaged.handlers.get('devtools-opened')!();
    expect(packaged.devToolsClosed).toBe(1);
    expect(announce({ devTools: true }).handlers.has('devtools-opened')).toBe(false);
  });

  it('denies every permission of a session it is given', () => {
    const session = new FakeSession();
    denyAllPermissions(session as never);
    const cb = vi.fn();
    session.request?.({}, 'geolocation', cb);
    expect(cb).toHaveBeenCalledWith(false);
  });
});
