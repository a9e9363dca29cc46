// Host commands run the same through the native starter and through child_process:
// output, input, failures in one line, timeouts, and a child that starts clean
// (default signals, none of our descriptors). The host lock, taken without flock(1).
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nativeAddon } from '../../../host/exec/native-addon.js';
import { type RunOptions, runNative, runWithChildProcess } from '../../../host/exec/run-command.js';
import { acquireNative, acquireWithFlock } from '../../../host/state/lock.js';

const addon = nativeAddon();

describe('the native starter', () => {
  it('was built by npm install and loads', () => {
    expect(addon, 'native/build/Release/switchyard_native.node (npm install builds it)').toBeDefined();
  });
});

type Run = (file: string, args: string[], opts?: RunOptions) => Promise<string>;
const starters: [string, Run][] = [
  ['child_process', runWithChildProcess],
  ...(addon ? [['native', (f, a, o) => runNative(addon, f, a, o)] as [string, Run]] : []),
];

describe.each(starters)('runCommand through %s', (_, run) => {
  it('returns what the command printed', async () => {
    expect(await run('printf', ['%s|%s', 'a b', 'c'])).toBe('a b|c');
  });

  it('finds the program in PATH and gives it the environment as process.env has it now', async () => {
    process.env.SWITCHYARD_TEST_MARK = 'now';
    try {
      expect(await run('sh', ['-c', 'printf %s "$SWITCHYARD_TEST_MARK"'])).toBe('now');
    } finally {
      delete process.env.SWITCHYARD_TEST_MARK;
    }
  });

  it('feeds a large input while the command is still printing (no pipe deadlock)', async () => {
    const input = 'x'.repeat(1 << 20);
    expect((await run('cat', [], { input })).length).toBe(1 << 20);
  });

  it('fails with the command and the first line of its complaint', async () => {
    await expect(run('sh', ['-c', 'echo "  "; echo "bad thing" >&2; echo more >&2; exit 3'])).rejects.toThrow(
      /^sh -c .* failed: bad thing$/,
    );
  });

  it('fails in one line naming the program when it does not exist', async () => {
    await expect(run('/nonexistent/tool', ['x'])).rejects.toThrow(/^tool x failed: .*(ENOENT|No such file)/);
  });

  it('ends a command that does not answer within its time', async () => {
    await expect(run('sleep', ['30'], { timeoutMs: 50 })).rejects.toThrow(/^sleep 30 .*/);
  });

  // Node ignores SIGPIPE, and an ignored signal stays ignored across exec. (glibc's
  // posix_spawn leaves its own two internal real-time signals, 32 and 33, ignored.)
  it('starts the child with none of the standard signals ignored or blocked', async () => {
    const status = await run('grep', ['-E', '^Sig(Ign|Blk)', '/proc/self/status']);
    const mask = (name: string) => BigInt(`0x${status.match(new RegExp(`${name}:\\s*(\\w+)`))?.[1]}`);
    const standard = (1n << 31n) - 1n;
    expect(mask('SigBlk')).toBe(0n);
    expect(mask('SigIgn') & standard).toBe(0n);
  });

  it('passes none of our open files to the child', async () => {
    const fd = openSync(tmpdir(), 'r');
    try {
      const fds = (await run('ls', ['/proc/self/fd'])).split('\n').filter(Boolean).map(Number);
      expect(fds).toEqual(expect.arrayContaining([0, 1, 2]));
      expect(fds).not.toContain(fd);
    } finally {
      closeSync(fd);
    }
  });
});

describe.runIf(addon)('the native starter with a daemon', () => {
  it('returns when the command exits although what it left behind keeps the pipes open', async () => {
    if (!addon) return;
    const r = await addon.run('sh', ['-c', 'sleep 600 & echo "$!"; echo started >&2'], '', 0, false);
    expect(r).toMatchObject({ code: 0, stderr: 'started\n' });
    const daemon = Number('stdout' in r ? r.stdout : Number.NaN);
    expect(() => process.kill(daemon, 0)).not.toThrow();
    process.kill(daemon, 'SIGKILL');
  });

  // libuv's pool has four threads, shared with fs: commands that wait (here, on a FIFO
  // nobody writes yet) must not hold them, or the next command and every file read queue.
  it('runs more waiting commands at once than libuv has pool threads, and fs still answers', async () => {
    if (!addon) return;
    const dir = mkdtempSync(join(tmpdir(), 'sy-fifo-'));
    const fifos = Array.from({ length: 5 }, (_, i) => join(dir, `f${i}`));
    for (const f of fifos) execFileSync('mkfifo', [f]);
    // The time limit only ends them if the test fails before it feeds them.
    const waiting = fifos.map((f) =>
      addon.run('sh', ['-c', 'read line < "$0"; echo "$line"', f], '', 20_000, false),
    );
    try {
      writeFileSync(join(dir, 'note'), 'read');
      expect(await readFile(join(dir, 'note'), 'utf8')).toBe('read');
      expect(await addon.run('printf', ['free'], '', 0, false)).toMatchObject({ code: 0, stdout: 'free' });
      for (const [i, f] of fifos.entries()) writeFileSync(f, `line${i}\n`);
      const answers = await Promise.all(waiting);
      expect(answers.map((a) => ('stdout' in a ? a.stdout : a.error))).toEqual(
        fifos.map((_, i) => `line${i}\n`),
      );
    } finally {
      for (const f of fifos) feedWithoutWaiting(f);
      await Promise.allSettled(waiting);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('can send stdout to /dev/null', async () => {
    if (!addon) return;
    const r = await addon.run('sh', ['-c', 'echo out; readlink /proc/self/fd/3 3>&1 >&2'], '', 0, true);
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect('stderr' in r && r.stderr).toBe('/dev/null\n');
  });
});

type Acquire = (fd: number, path: string, waitMs: number) => Promise<void>;
const lockers: [string, Acquire][] = [
  ['flock(1)', acquireWithFlock],
  ...(addon
    ? [['flock(2) in the addon', (fd, p, w) => acquireNative(addon, fd, p, w)] as [string, Acquire]]
    : []),
];

describe.each(lockers)('the host lock through %s', (_, acquire) => {
  const dir = mkdtempSync(join(tmpdir(), 'sy-lock-'));
  const file = join(dir, '.lock');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('waits for the holder, gives up with the lock file named, and takes it once released', async () => {
    const holder = openSync(file, 'w');
    const waiter = openSync(file, 'r');
    let held = true;
    try {
      await acquire(holder, file, 0);
      await expect(acquire(waiter, file, 30)).rejects.toThrow(/holds the host lock .*\.lock/);
      closeSync(holder);
      held = false;
      await expect(acquire(waiter, file, 30)).resolves.toBeUndefined();
    } finally {
      if (held) closeSync(holder);
      closeSync(waiter);
    }
  });
});

/** A line into FIFO whether or not its reader is there yet (O_RDWR never waits for one). */
function feedWithoutWaiting(fifo: string): void {
  try {
    const fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
    writeSync(fd, '\n');
    closeSync(fd);
  } catch {
    // Gone already.
  }
}
