// The one window, locked down: isolated, sandboxed preload, no Node in the page, no
// navigation away from app://, no new windows, no permissions, and external links
// only to an allowlist (opened in the user's browser).
import { BrowserWindow, type BrowserWindow as BW, type Session, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from './sender-check.js';

const EXTERNAL_ALLOWLIST = ['https://libvirt.org/', 'https://github.com/'];

export function createMainWindow(preloadPath: string): BW {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Switchyard',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  harden(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

export function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_ALLOWLIST.some((prefix) => url.startsWith(prefix))) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
