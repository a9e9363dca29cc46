// The stat of many files of one directory: the identity index checks every definition
// on every define. The addon does it in one call; fs.statSync builds a Stats object
// per file (at 1,000 definitions, 4-5 ms against 2.3 ms on a small machine).
import { statSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { getSystemErrorName } from 'node:util';
import { nativeAddon } from '../exec/native-addon.js';

export interface FileStat {
  ino: number;
  size: number;
  mtimeMs: number;
}

const ENOENT = constants.errno.ENOENT;
const FIELDS = 4;

/** The stat of each of NAMES in DIR (following links); undefined for one that is gone. */
export function statFiles(dir: string, names: string[]): (FileStat | undefined)[] {
  const addon = nativeAddon();
  return addon
    ? statNative(addon.statFiles(dir, names), dir, names)
    : names.map((n) => statOne(join(dir, n)));
}

function statNative(rows: Float64Array, dir: string, names: string[]): (FileStat | undefined)[] {
  return names.map((name, i) => {
    const [ino = 0, size = 0, mtimeMs = 0, errno = 0] = rows.subarray(i * FIELDS, i * FIELDS + FIELDS);
    if (errno === ENOENT) return undefined;
    if (errno !== 0) throw statError(join(dir, name), errno);
    return { ino, size, mtimeMs };
  });
}

export function statOne(path: string): FileStat | undefined {
  const st = statSync(path, { throwIfNoEntry: false });
  return st && { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs };
}

function statError(path: string, errno: number): Error {
  const code = getSystemErrorName(-errno);
  return Object.assign(new Error(`${code}: cannot stat '${path}'`), { code });
}
