// The application menu as data: every item, its shortcut and what it does, so the
// table can be read (and tested) as a whole: no shortcut used twice, every window
// command reachable. app-menu.ts turns it into Electron's template.
import type { AppCommand } from '../../contract/ipc.js';

/** Electron's built-in behaviours the menu uses (a subset of MenuItemConstructorOptions['role']). */
export type MenuRole =
  | 'quit'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'minimize'
  | 'close'
  | 'about';

export type MenuEntry =
  /**
   * Sent to the window as an app.command event. `hint` is a key the page handles
   * itself, shown beside the item but not taken from the page.
   */
  | { kind: 'command'; label: string; command: AppCommand; accelerator?: string; hint?: string }
  | { kind: 'role'; role: MenuRole; label?: string; accelerator?: string; devOnly?: boolean }
  /** Main's file dialog; the files picked go to the window as an app.import event. */
  | { kind: 'import'; label: string; accelerator: string }
  /** Opened in the user's browser (an address the window's allowlist also lets out). */
  | { kind: 'link'; label: string; url: string }
  | { kind: 'separator' };

export interface MenuSection {
  label: string;
  entries: MenuEntry[];
}

const separator: MenuEntry = { kind: 'separator' };
const role = (r: MenuRole, extra: Partial<Extract<MenuEntry, { kind: 'role' }>> = {}): MenuEntry => ({
  kind: 'role',
  role: r,
  ...extra,
});
const command = (label: string, c: AppCommand, accelerator?: string): MenuEntry => ({
  kind: 'command',
  label,
  command: c,
  ...(accelerator ? { accelerator } : {}),
});

export const MENU: readonly MenuSection[] = [
  {
    label: '&File',
    entries: [
      command('New Network…', 'new-network', 'CmdOrCtrl+N'),
      { kind: 'import', label: 'Import XML…', accelerator: 'CmdOrCtrl+O' },
      separator,
      role('quit', { accelerator: 'CmdOrCtrl+Q' }),
    ],
  },
  {
    label: '&Edit',
    entries: [
      role('undo'),
      role('redo'),
      separator,
      role('cut'),
      role('copy'),
      role('paste'),
      role('selectAll'),
      separator,
      // Ctrl+F stays the XML editor's search; the list's own key is /.
      { kind: 'command', label: 'Find Network', command: 'find', hint: '/' },
    ],
  },
  {
    label: '&Network',
    entries: [
      // Shift with the letter: plain Ctrl+S/R/… belong to the page (save, reload, the editor).
      command('Start', 'start', 'CmdOrCtrl+Shift+S'),
      command('Stop', 'stop', 'CmdOrCtrl+Shift+X'),
      command('Restart', 'restart', 'CmdOrCtrl+Shift+R'),
      separator,
      command('Delete…', 'delete', 'CmdOrCtrl+Shift+Backspace'),
    ],
  },
  {
    label: '&View',
    entries: [
      command('Overview', 'tab-overview', 'CmdOrCtrl+1'),
      command('Settings', 'tab-settings', 'CmdOrCtrl+2'),
      command('Leases', 'tab-leases', 'CmdOrCtrl+3'),
      command('Ports', 'tab-ports', 'CmdOrCtrl+4'),
      command('Statistics', 'tab-stats', 'CmdOrCtrl+5'),
      command('Terminal', 'tab-terminal', 'CmdOrCtrl+6'),
      command('XML', 'tab-xml', 'CmdOrCtrl+7'),
      separator,
      role('resetZoom'),
      role('zoomIn'),
      role('zoomOut'),
      separator,
      role('togglefullscreen'),
      role('toggleDevTools', { devOnly: true }),
    ],
  },
  { label: '&Window', entries: [role('minimize'), role('close')] },
  {
    label: '&Help',
    entries: [
      { kind: 'link', label: 'Network XML Format (libvirt)', url: 'https://libvirt.org/formatnetwork.html' },
      separator,
      role('about', { label: 'About Switchyard' }),
    ],
  },
];
