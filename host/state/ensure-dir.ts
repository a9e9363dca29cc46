// Directories the engine creates get their mode explicitly, whatever the caller's
// umask: under `umask 077` a state dir created 0700 would lock out dnsmasq, which
// re-reads its hosts files as 'nobody', and every user who lists networks.
import { chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { HostError } from '../host-error.js';

/** Creates PATH and any missing parents, each with MODE; existing directories are left as they are. */
export function ensureDir(path: string, mode: number): void {
  const missing: string[] = [];
  for (let dir = path; !exists(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir, { mode });
    } catch (err) {
      // Another command may have made it meanwhile; it then has its mode already.
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    chmodSync(dir, mode);
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Refuses a directory another user owns or may write to: whoever can write there can replace our files. */
export function ownedPrivateDir(path: string): void {
  const st = lstatSync(path);
  if (!st.isDirectory() || st.uid !== process.geteuid?.() || (st.mode & 0o022) !== 0)
    throw new HostError(
      'access-denied',
      `${path} must be a directory owned by uid ${process.geteuid?.()} and writable by it alone`,
    );
}
