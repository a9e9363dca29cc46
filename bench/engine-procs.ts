// Child processes of the engine benchmark: every one is tracked by PID so an
// interrupted run can end exactly the processes it started, and nothing else.
import { type ChildProcess, spawn } from 'node:child_process';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed. */
  input?: string;
  /** Resolve instead of rejecting on a non-zero exit. */
  allowFail?: boolean;
  timeoutMs?: number;
  /**
   * Its own process group: a Ctrl-C (SIGINT to our whole group) then does not cut
   * short a cleanup command such as teardown.sh.
   */
  detached?: boolean;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit, as `date +%s%N` around a command measures it. */
  ms: number;
}

const running = new Set<ChildProcess>();

export function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const stdin = opts.input === undefined ? 'ignore' : 'pipe';
    const child = track(
      spawn(cmd, args, {
        env: opts.env ?? process.env,
        stdio: [stdin, 'pipe', 'pipe'],
        detached: opts.detached ?? false,
      }),
    );
    // A child that exits before reading its input must not crash the bench (EPIPE).
    child.stdin?.on('error', () => {});
    let stdout = '';
    let stderr = '';
    let exitMs = 0;
    const timer =
      opts.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.once('exit', () => {
      exitMs = performance.now() - t0;
    });
    child.once('error', (err) => {
      if (timer) clearTimeout(timer);
      reject(new Error(`${cmd}: ${err.message}`));
    });
    child.once('close', (code) => {
      if (timer) clearTimeout(timer);
      const result = { code, stdout, stderr, ms: exitMs || performance.now() - t0 };
      if (code === 0 || opts.allowFail) resolve(result);
      else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${lastLine(stderr || stdout)}`));
    });
    child.stdin?.end(opts.input);
  });
}

const lastLine = (text: string): string => text.trim().split('\n').pop() ?? '';

/** SIGTERM to every child still running, SIGKILL to those that ignore it. */
export async function endChildren(): Promise<void> {
  const left = [...running];
  for (const child of left) child.kill('SIGTERM');
  await Promise.race([
    Promise.all(left.map((c) => new Promise((r) => (c.exitCode !== null ? r(0) : c.once('exit', r))))),
    new Promise((r) => setTimeout(r, 2000)),
  ]);
  for (const child of running) child.kill('SIGKILL');
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
