// One lock around every change to the host: flock(2) on `.lock` in the run dir.
// The kernel drops an flock when the last descriptor of the open file goes away, so
// a holder that exits or is killed -9 releases it at once: no stale-lock heuristics.
// Nobody else can hold it: the run dir must be ours and writable only by us, and the
// file is 0600, so another user can neither create it nor open it to lock it (flock
// needs only an open descriptor, read-only would do).
//
// Node has no flock binding: the native addon takes it on our descriptor when it
// was built. Without it, flock(1) does the waiting on our descriptor, passed as its
// fd 3: the lock belongs to the open file description we share with it, so it stays
// held by us after flock(1) exits, until we close the descriptor (or die).
// libuv opens every file close-on-exec, so no daemon we start while holding the lock
// (dnsmasq) inherits the descriptor and keeps the lock alive.
import { spawn } from 'node:child_process';
import { closeSync, constants, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { type NativeAddon, nativeAddon } from '../exec/native-addon.js';
import { HostError } from '../host-error.js';
import { ensureDir, ownedPrivateDir } from './ensure-dir.js';
import { describeLockHolders } from './lock-holders.js';

export const LOCK_FILE = '.lock';
const FLOCK_BINARY = '/usr/bin/flock';
const DEFAULT_WAIT_MS = 60_000;
/** Wider than any PID (pid_max is at most 2^22). */
const PID_WIDTH = 10;

export interface LockOptions {
  /** How long to wait for another holder; SWITCHYARD_LOCK_WAIT_MS, else 60 s. */
  waitMs?: number;
}

export async function withLock<T>(runDir: string, fn: () => Promise<T>, opts: LockOptions = {}): Promise<T> {
  const path = lockPath(runDir);
  const fd = openLockFile(runDir, path);
  try {
    await acquire(fd, path, opts.waitMs ?? waitFromEnv());
    recordHolder(fd);
    return await fn();
  } finally {
    closeSync(fd);
  }
}

export const lockPath = (runDir: string): string => join(runDir, LOCK_FILE);

function waitFromEnv(): number {
  const ms = Number(process.env.SWITCHYARD_LOCK_WAIT_MS);
  return Number.isFinite(ms) && ms >= 0 ? ms : DEFAULT_WAIT_MS;
}

function openLockFile(runDir: string, path: string): number {
  ensureDir(runDir, 0o755);
  ownedPrivateDir(runDir);
  const fd = openSync(path, constants.O_RDWR | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
  const st = fstatSync(fd);
  if (st.uid !== process.geteuid?.() || (st.mode & 0o077) !== 0 || !st.isFile()) {
    closeSync(fd);
    throw new HostError('access-denied', `lock file ${path} is not a private file of ours; remove it`);
  }
  return fd;
}

function acquire(fd: number, path: string, waitMs: number): Promise<void> {
  const addon = nativeAddon();
  return addon ? acquireNative(addon, fd, path, waitMs) : acquireWithFlock(fd, path, waitMs);
}

/** Retries a non-blocking flock: a blocking one on a worker thread could not be given up. */
export async function acquireNative(
  addon: NativeAddon,
  fd: number,
  path: string,
  waitMs: number,
): Promise<void> {
  const deadline = performance.now() + waitMs;
  for (let pause = 1; !tryLock(addon, fd, path); pause = Math.min(pause * 2, 50)) {
    if (performance.now() >= deadline) throw lockTimeout(path, fd, waitMs);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

function tryLock(addon: NativeAddon, fd: number, path: string): boolean {
  try {
    return addon.tryLock(fd);
  } catch (err) {
    throw new HostError('internal', `flock on ${path} failed: ${(err as Error).message}`);
  }
}

export function acquireWithFlock(fd: number, path: string, waitMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // --conflict-exit-code tells a timeout apart from flock(1) failing for another reason.
    const args = ['--exclusive', '--conflict-exit-code', '75', '--wait', String(waitMs / 1000), '3'];
    const child = spawn(FLOCK_BINARY, args, { stdio: ['ignore', 'ignore', 'pipe', fd] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('error', (err) =>
      reject(new HostError('internal', `cannot run ${FLOCK_BINARY}: ${err.message}`)),
    );
    child.once('close', (code) => {
      if (code === 0) return resolve();
      if (code === 75) return reject(lockTimeout(path, fd, waitMs));
      reject(
        new HostError('internal', `${FLOCK_BINARY} on ${path} failed: ${stderr.trim() || `exit ${code}`}`),
      );
    });
  });
}

/**
 * The holder's PID goes into the file (/proc/locks names flock(1) when that took it).
 * Always the same width, so it overwrites the last holder's without a truncate, which
 * on ext4 cost more than the rest of taking the lock.
 */
function recordHolder(fd: number): void {
  writeSync(fd, `${String(process.pid).padEnd(PID_WIDTH)}\n`, 0);
}

function lockTimeout(path: string, fd: number, waitMs: number): HostError {
  const recorded = Number.parseInt(readTextOr(path), 10);
  const holders = describeLockHolders(fstatSync(fd).ino, Number.isFinite(recorded) ? recorded : undefined);
  const who = holders.length ? ` (held by ${holders.join(', ')})` : '';
  return new HostError(
    'conflict',
    `another switchyard command holds the host lock ${path}${who}; gave up after ${waitMs / 1000} s, try again`,
  );
}

function readTextOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
