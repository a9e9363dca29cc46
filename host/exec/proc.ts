// Reading /proc: who a PID is (its command line), whether it still runs, and which
// network namespace it lives in. Used to signal only processes that are provably ours.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { nativeAddon } from './native-addon.js';

export function readCmdline(pid: number): string[] | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw === '' ? undefined : raw.replace(/\0$/, '').split('\0');
  } catch {
    return undefined;
  }
}

/** A zombie has exited; only its parent's wait() is missing, so it counts as gone. */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

export function netnsOf(pid: number | 'self'): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/ns/net`);
  } catch {
    return undefined;
  }
}

function listPids(): number[] {
  return readdirSync('/proc')
    .filter((e) => /^[0-9]+$/.test(e))
    .map(Number);
}

/**
 * The PIDs that may be running the program COMM (its /proc/PID/comm): exactly those
 * through the addon, every PID without it. The caller still checks each one's
 * command line, so both answers lead to the same processes.
 */
export function pidsMaybeNamed(comm: string): number[] {
  const addon = nativeAddon();
  return addon ? Array.from(addon.pidsNamed(comm)) : listPids();
}

export function readPidFile(path: string): number | undefined {
  try {
    const text = readFileSync(path, 'utf8').trim();
    return /^[1-9][0-9]*$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
