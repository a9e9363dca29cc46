// The menu's Import XML…: main shows the file dialog and reads what the user picked,
// then hands the texts to the window, which imports them as if they had been chosen
// in the page (same collision questions, same editor for a file that fails).
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { electronChannels } from '../../contract/ipc.js';

/** As large as a network definition the contract carries. */
const MAX_FILE_BYTES = 4_000_000;
const MAX_FILES = 100;

export interface PickedFile {
  name: string;
  text: string;
}

/** The files picked, read as UTF-8; one too large to be a definition is reported by name. */
export async function pickXmlFiles(win: BrowserWindow, dialog: Pick<Dialog, 'showOpenDialog'>) {
  const picked = await dialog.showOpenDialog(win, {
    title: 'Import network XML',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Network XML', extensions: ['xml'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  if (picked.canceled) return [];
  return Promise.all(picked.filePaths.slice(0, MAX_FILES).map(readPicked));
}

async function readPicked(path: string): Promise<PickedFile> {
  const name = basename(path);
  const { size } = await stat(path);
  if (size > MAX_FILE_BYTES) return { name, text: '' };
  return { name, text: await readFile(path, 'utf8') };
}

export async function importFromDialog(
  win: BrowserWindow,
  dialog: Pick<Dialog, 'showOpenDialog'>,
): Promise<void> {
  const files = await pickXmlFiles(win, dialog);
  if (files.length > 0 && !win.isDestroyed())
    win.webContents.send(electronChannels.event, 'app.import', { files });
}
