// Electron entry: the same services and contract as the web shell, behind the window
// shell. Kept to a screenful; everything testable lives outside main/electron.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, ipcMain, protocol, session } from 'electron';
import { hostPaths } from '../../host/paths.js';
import { openApp } from '../services/app-services.js';
import { readAppSettings, terminalFeature } from '../services/app-settings.js';
import { installAppMenu } from './app-menu.js';
import { appSchemePrivileges, serveRenderer } from './app-protocol.js';
import { bridgeIpc } from './ipc-bridge.js';
import { holdSingleInstance } from './single-instance.js';
import { createMainWindow, denyAllPermissions, hardenEveryWebContents } from './window.js';

const rendererDir = fileURLToPath(new URL('../../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../../preload/preload.cjs', import.meta.url));
// A package never opens DevTools; `npm start` (unpackaged) may.
const rules = { devTools: !app.isPackaged };

let win: BrowserWindow | undefined;

async function start(): Promise<void> {
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  app.enableSandbox();
  hardenEveryWebContents(app, rules);
  app.on('window-all-closed', () => app.quit());
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  serveRenderer(protocol, rendererDir);
  const paths = hostPaths(process.env);
  const settingsFile = join(app.getPath('userData'), 'settings.json');
  const { settings, problem } = readAppSettings(settingsFile);
  if (problem) console.error(`switchyard: ${problem}; using the defaults`);
  const services = openApp(paths, process.env, terminalFeature(settings, settingsFile));
  win = createMainWindow(preloadPath, rules);
  installAppMenu(win, { development: rules.devTools });
  bridgeIpc(ipcMain, win, services);
  app.on('before-quit', () => {
    void services.close();
  });
}

// A second start brings the first window to the front and quits.
if (holdSingleInstance(app, () => win)) await start();
else app.quit();
