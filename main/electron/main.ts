// Electron entry: the same services and contract as the web shell, behind the window
// shell. Kept to a screenful; everything testable lives outside main/electron.

import { fileURLToPath } from 'node:url';
import { app, ipcMain, protocol, session } from 'electron';
import { readLinkState } from '../../host/exec/read-links.js';
import { hostPaths } from '../../host/paths.js';
import { networkHandlers } from '../ipc/handlers.js';
import { NetworkService } from '../services/network-service.js';
import { openControl } from '../services/open-control.js';
import { appSchemePrivileges, serveRenderer } from './app-protocol.js';
import { bridgeIpc } from './ipc-bridge.js';
import { createMainWindow, denyAllPermissions } from './window.js';

const rendererDir = fileURLToPath(new URL('../../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../../preload/preload.cjs', import.meta.url));

protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
app.enableSandbox();

app.on('window-all-closed', () => app.quit());

await app.whenReady();
denyAllPermissions(session.defaultSession);
serveRenderer(protocol, rendererDir);
const paths = hostPaths(process.env);
const opened = openControl(paths, process.env);
const service = new NetworkService({ paths, control: opened.control, readLinks: readLinkState });
const win = createMainWindow(preloadPath);
bridgeIpc(ipcMain, win, networkHandlers(service), service);
app.on('before-quit', () => {
  service.close();
  void opened.close();
});
