// The Electron shell's application menu, shortcuts, Import XML… dialog and single-
// instance lock, with Electron mocked (no Electron binary here): the table as a whole
// (no shortcut twice, every window command reachable), what each kind of item does,
// and a second start bringing the first window forward.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { appCommands, electronChannels } from '../../../contract/ipc.js';

const built: { template?: unknown[]; applied?: unknown } = {};
const openExternal = vi.fn();
const showOpenDialog = vi.fn();

vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: unknown[]) => {
      built.template = template;
      return { template };
    },
    setApplicationMenu: (menu: unknown) => {
      built.applied = menu;
    },
  },
  shell: { openExternal },
  dialog: { showOpenDialog },
}));

const { installAppMenu, menuTemplate } = await import('../../../main/electron/app-menu.js');
const { MENU } = await import('../../../main/electron/menu-table.js');
const { holdSingleInstance } = await import('../../../main/electron/single-instance.js');
const { pickXmlFiles } = await import('../../../main/electron/import-dialog.js');

interface Item {
  label?: string;
  role?: string;
  accelerator?: string;
  registerAccelerator?: boolean;
  type?: string;
  click?: () => void;
  submenu?: Item[];
}

function fakeWindow() {
  const sent: unknown[][] = [];
  const win = { isDestroyed: () => false, webContents: { send: (...args: unknown[]) => sent.push(args) } };
  return { win: win as never, sent };
}

const items = (template: Item[]) => template.flatMap((s) => s.submenu ?? []);
const item = (template: Item[], label: string) => {
  const found = items(template).find((i) => i.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
};

const dir = mkdtempSync(join(tmpdir(), 'sy-menu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the application menu', () => {
  beforeEach(() => {
    openExternal.mockReset();
    showOpenDialog.mockReset();
  });

  it('has File, Edit, Network, View, Window and Help, and becomes the application menu', () => {
    const { win } = fakeWindow();
    installAppMenu(win, { development: false });
    expect((built.template as Item[]).map((s) => s.label)).toEqual([
      '&File',
      '&Edit',
      '&Network',
      '&View',
      '&Window',
      '&Help',
    ]);
    expect(built.applied).toEqual({ template: built.template });
  });

  it('uses no shortcut twice', () => {
    const accelerators = MENU.flatMap((s) => s.entries).flatMap((e) =>
      'accelerator' in e && e.accelerator ? [e.accelerator] : 'hint' in e && e.hint ? [e.hint] : [],
    );
    expect(accelerators.length).toBeGreaterThan(10);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('reaches every command the window understands', () => {
    const commands = MENU.flatMap((s) => s.entries).flatMap((e) => (e.kind === 'command' ? [e.command] : []));
    expect([...commands].sort()).toEqual([...appCommands].sort());
  });

  it('sends a command to the window, with the shortcuts the table gives', () => {
    const { win, sent } = fakeWindow();
    const template = menuTemplate(win, { development: false }) as Item[];
    const newNetwork = item(template, 'New Network…');
    expect(newNetwork.accelerator).toBe('CmdOrCtrl+N');
    newNetwork.click?.();
    item(template, 'Statistics').click?.();
    expect(item(template, 'Restart').accelerator).toBe('CmdOrCtrl+Shift+R');
    expect(sent).toEqual([
      [electronChannels.event, 'app.command', { command: 'new-network' }],
      [electronChannels.event, 'app.command', { command: 'tab-stats' }],
    ]);
  });

  it('shows the page’s own key for Find without taking Ctrl+F from the XML editor', () => {
    const { win } = fakeWindow();
    const find = item(menuTemplate(win, { development: false }) as Item[], 'Find Network');
    expect(find).toMatchObject({ accelerator: '/', registerAccelerator: false });
    expect(
      items(menuTemplate(win, { development: false }) as Item[]).map((i) => i.accelerator),
    ).not.toContain('CmdOrCtrl+F');
  });

  it('offers DevTools only in a development run', () => {
    const { win } = fakeWindow();
    const roles = (development: boolean) =>
      items(menuTemplate(win, { development }) as Item[]).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['quit', 'undo', 'copy', 'paste', 'about']));
  });

  it('opens the libvirt format page in the browser', () => {
    const { win } = fakeWindow();
    item(menuTemplate(win, { development: false }) as Item[], 'Network XML Format (libvirt)').click?.();
    expect(openExternal).toHaveBeenCalledWith('https://libvirt.org/formatnetwork.html');
  });

  it('imports through main’s dialog: the picked files go to the window as app.import', async () => {
    const file = join(dir, 'lab.xml');
    writeFileSync(file, '<network><name>lab</name></network>\n');
    showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    const { win, sent } = fakeWindow();
    const importItem = item(menuTemplate(win, { development: false }) as Item[], 'Import XML…');
    expect(importItem.accelerator).toBe('CmdOrCtrl+O');
    importItem.click?.();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual([
      electronChannels.event,
      'app.import',
      { files: [{ name: 'lab.xml', text: '<network><name>lab</name></network>\n' }] },
    ]);
  });

  it('imports nothing when the dialog is cancelled', async () => {
    showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await pickXmlFiles(fakeWindow().win, { showOpenDialog })).toEqual([]);
  });
});

describe('the single-instance lock', () => {
  function fakeApp(locked: boolean) {
    const handlers = new Map<string, () => void>();
    return {
      app: {
        requestSingleInstanceLock: () => locked,
        on: (e: string, fn: () => void) => handlers.set(e, fn),
      },
      second: () => handlers.get('second-instance')?.(),
    };
  }
  function fakeWin(minimized: boolean) {
    const calls: string[] = [];
    const win = {
      isDestroyed: () => false,
      isMinimized: () => minimized,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
    return { win: win as never, calls };
  }

  it('tells a second instance to quit', () => {
    expect(holdSingleInstance(fakeApp(false).app as never, () => undefined)).toBe(false);
  });

  it('brings the first window forward, restored, when a second instance starts', () => {
    const { app, second } = fakeApp(true);
    const { win, calls } = fakeWin(true);
    expect(holdSingleInstance(app as never, () => win)).toBe(true);
    second();
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });

  it('does nothing before the window exists', () => {
    const { app, second } = fakeApp(true);
    holdSingleInstance(app as never, () => undefined);
    expect(() => second()).not.toThrow();
  });
});
