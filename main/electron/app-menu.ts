// The application menu of the Electron shell, built from menu-table.ts: commands go to
// the window as app.command events (the renderer acts on its selection), Import XML…
// opens main's file dialog, roles are Electron's own, links open in the user's
// browser. The accelerators work whenever the window has the focus.
import { type BrowserWindow, dialog, Menu, type MenuItemConstructorOptions, shell } from 'electron';
import { type AppCommand, electronChannels } from '../../contract/ipc.js';
import { assertNever } from '../../core/result.js';
import { importFromDialog } from './import-dialog.js';
import { MENU, type MenuEntry } from './menu-table.js';

export interface MenuOptions {
  /** Developer items (DevTools) only in a development run, not in the package. */
  development: boolean;
}

export function menuTemplate(win: BrowserWindow, opts: MenuOptions): MenuItemConstructorOptions[] {
  const send = (command: AppCommand) => {
    if (!win.isDestroyed()) win.webContents.send(electronChannels.event, 'app.command', { command });
  };
  return MENU.map((section) => ({
    label: section.label,
    submenu: section.entries
      .filter((e) => e.kind !== 'role' || !e.devOnly || opts.development)
      .map((e) => menuItem(e, send, () => void importFromDialog(win, dialog))),
  }));
}

function menuItem(
  e: MenuEntry,
  send: (command: AppCommand) => void,
  importXml: () => void,
): MenuItemConstructorOptions {
  switch (e.kind) {
    case 'command':
      return {
        label: e.label,
        ...(e.accelerator ? { accelerator: e.accelerator } : {}),
        ...(e.hint ? { accelerator: e.hint, registerAccelerator: false } : {}),
        click: () => send(e.command),
      };
    case 'role':
      return {
        role: e.role,
        ...(e.label ? { label: e.label } : {}),
        ...(e.accelerator ? { accelerator: e.accelerator } : {}),
      };
    case 'import':
      return { label: e.label, accelerator: e.accelerator, click: importXml };
    case 'link':
      return { label: e.label, click: () => void shell.openExternal(e.url) };
    case 'separator':
      return { type: 'separator' };
    default:
      return assertNever(e, 'menu entry');
  }
}

export function installAppMenu(win: BrowserWindow, opts: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(win, opts)));
}
