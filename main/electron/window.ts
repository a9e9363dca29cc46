// The one window, locked down: isolated, sandboxed preload, no Node in the page, no
// navigation away from app://, no new windows, no permissions, and external links
// only to an allowlist (opened in the user's browser). The rules are applied by one
// app-wide 'web-contents-created' handler, so every webContents the app ever has (the
// window, anything a bug or a compromised page manages to open) gets them, not only
// the one window we create. DevTools exist only in development builds: in a package
// they would hand a page's attacker a console in the privileged renderer.
import {
  type App,
  BrowserWindow,
  type BrowserWindow as BW,
  type Session,
  shell,
  type WebContents,
} from 'electron';
import { APP_ORIGIN } from './sender-check.js';

const EXTERNAL_ALLOWLIST = ['https://libvirt.org/', 'https://github.com/'];

export interface ContentsRules {
  /** DevTools may open: true only when not packaged (npm start). */
  devTools: boolean;
}

export function createMainWindow(preloadPath: string, rules: ContentsRules): BW {
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
      devTools: rules.devTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/** Registered before any window exists, so no webContents is ever without the rules. */
export function hardenEveryWebContents(app: Pick<App, 'on'>, rules: ContentsRules): void {
  app.on('web-contents-created', (_event, contents) => harden(contents, rules));
}

export function harden(contents: WebContents, rules: ContentsRules): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_ALLOWLIST.some((prefix) => url.startsWith(prefix))) void shell.openExternal(url);
    return { action: 'deny' };
  });
  denyAllPermissions(contents.session);
  if (!rules.devTools) contents.on('devtools-opened', () => contents.closeDevTools());
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
