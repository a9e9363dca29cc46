// Every state file is replaced atomically (temp file, fsync, rename, fsync of the
// directory) so a crash never leaves a half-written definition or status behind.
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ensureDir } from './ensure-dir.js';

export function atomicWrite(path: string, content: string, mode = 0o644): void {
  const dir = dirname(path);
  ensureDir(dir, 0o755);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, 'wx', mode);
  try {
    // The mode given to open is masked by the umask; the file's readers need all of it.
    fchmodSync(fd, mode);
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  syncDir(dir);
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
