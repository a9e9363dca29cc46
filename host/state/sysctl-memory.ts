// The host-wide sysctls a start changed (IP forwarding), with the value found before,
// so they can be put back once nothing needs them. Recorded before the write, so a
// crash in between leaves a record whose value was never set, which restore simply
// forgets. Kept in the run dir (not as .json, which is a network's status there): like
// the sysctls themselves, it does not outlive a reboot.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { HostPaths } from '../paths.js';
import { atomicWrite } from './atomic-write.js';

export interface RememberedSysctl {
  /** Relative to /proc/sys, '/'-separated. */
  path: string;
  /** What the host had before we changed it. */
  was: string;
  /** What we wrote. */
  set: string;
}

export const sysctlMemoryPath = (p: HostPaths): string => join(p.runDir, 'host.sysctls');

export function readSysctlMemory(p: HostPaths): RememberedSysctl[] {
  try {
    const v = JSON.parse(readFileSync(sysctlMemoryPath(p), 'utf8')) as unknown;
    return Array.isArray(v) ? v.filter(isRemembered) : [];
  } catch {
    return [];
  }
}

export function writeSysctlMemory(p: HostPaths, entries: RememberedSysctl[]): void {
  if (entries.length === 0) rmSync(sysctlMemoryPath(p), { force: true });
  // Volatile (no fsync): the run dir and the sysctls it records are both gone after a reboot.
  else atomicWrite(sysctlMemoryPath(p), `${JSON.stringify(entries, null, 2)}\n`, 0o644, 'volatile');
}

function isRemembered(v: unknown): v is RememberedSysctl {
  const r = v as Partial<RememberedSysctl> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.path === 'string' &&
    typeof r.was === 'string' &&
    typeof r.set === 'string'
  );
}
