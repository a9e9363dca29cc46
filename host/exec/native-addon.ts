// The native addon (native/), built by `npm install`. Node starts a child with fork(),
// which on a small VM blocks the event loop for several milliseconds per command; the
// addon starts it with posix_spawn on a thread of its own (run.c), takes flock(2) without
// running flock(1), stats many files in one call, finds processes by name (files.c) and
// reads the links without ip (netlink.c). When it was not built (no compiler),
// everything still works through child_process, fs, /proc and ip, only slower.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type NativeRunResult =
  | { code: number | null; signal: number | null; timedOut: boolean; stdout: string; stderr: string }
  | { error: string; errno: number };

/** rtnetlink's links, addresses and routes, the fields Switchyard reads (netlink.c). */
export interface NativeLinkState {
  links: { index: number; name?: string; up: boolean; alias?: string }[];
  addrs: { index: number; local: string; prefixlen: number }[];
  routes: { table: number; type: number; dstLen: number; dst?: string; index?: number }[];
}

export interface NativeAddon {
  /**
   * Runs FILE (looked up in PATH) with ARGS, feeding INPUT, until it exits: a daemon it
   * leaves behind cannot hold the call. SIGKILL after timeoutMs (0: no limit).
   * ignoreStdout sends stdout to /dev/null (a daemon may write there long after).
   */
  run(
    file: string,
    args: string[],
    input: string,
    timeoutMs: number,
    ignoreStdout: boolean,
  ): Promise<NativeRunResult>;
  /** flock(fd, LOCK_EX | LOCK_NB): false when another open file holds the lock. */
  tryLock(fd: number): boolean;
  /**
   * [ino, size, mtimeMs, errno] for each of NAMES in DIR, as fs.statSync would give
   * them (errno 0; NaN for the rest where it is not).
   */
  statFiles(dir: string, names: string[]): Float64Array;
  /** The links, addresses and routes of our network namespace; throws errno's text. */
  readLinkState(): NativeLinkState;
  /** The PIDs whose /proc/PID/comm (the executable's name, at most 15 bytes) is COMM. */
  pidsNamed(comm: string): Int32Array;
}

const ADDON = join('native', 'build', 'Release', 'switchyard_native.node');

/**
 * NATIVE under our package root: the first directory upwards with a package.json (the
 * source tree and the CLI bundle sit at different depths below it). Never above it:
 * the root helper loads this file, and a directory above an unpacked app (a mount in
 * /tmp, say) may be writable by anyone.
 */
function addonPath(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++, dir = dirname(dir)) {
    if (!existsSync(join(dir, 'package.json'))) continue;
    const candidate = join(dir, ADDON);
    return existsSync(candidate) ? candidate : undefined;
  }
  return undefined;
}

/** What this version calls: an addon built from older sources (no `npm install` since) lacks some. */
const CALLS = [
  'run',
  'tryLock',
  'statFiles',
  'readLinkState',
  'pidsNamed',
] as const satisfies readonly (keyof NativeAddon)[];

function load(): NativeAddon | undefined {
  const path = addonPath();
  if (!path) return undefined;
  try {
    const addon = createRequire(import.meta.url)(path) as Partial<NativeAddon>;
    return CALLS.every((c) => typeof addon[c] === 'function') ? (addon as NativeAddon) : undefined;
  } catch {
    // Built for another platform or a broken build: child_process does the same job.
    return undefined;
  }
}

let loaded: { addon: NativeAddon | undefined } | undefined;

/** The addon, loaded once; undefined when it is not there or does not load. */
export function nativeAddon(): NativeAddon | undefined {
  loaded ??= { addon: load() };
  return loaded.addon;
}
