// Every state file is replaced atomically (temp file, rename) so a crash never leaves
// a half-written definition or status behind. A durable write also fsyncs the file and
// its directory, so it survives a power cut; a volatile one does not, for files that
// mean nothing after a reboot (the run dir's status and intents describe bridges and
// processes a reboot removes; dnsmasq's config is written again by every start), where
// the ~2 fsyncs per file were a third of a start's file work.
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ensureDir } from './ensure-dir.js';

export type Durability = 'durable' | 'volatile';

export function atomicWrite(
  path: string,
  content: string,
  mode = 0o644,
  durability: Durability = 'durable',
): void {
  const dir = dirname(path);
  ensureDir(dir, 0o755);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(tmp, 'wx', mode);
  try {
    // The mode given to open is masked by the umask; the file's readers need all of it.
    fchmodSync(fd, mode);
    writeSync(fd, content);
    if (durability === 'durable') fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  if (durability === 'durable') syncDir(dir);
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
