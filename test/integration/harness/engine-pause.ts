// Crash tests stop the engine at a named step instead of guessing a delay: with
// SWITCHYARD_PAUSE_AT=<step id> the process running the engine stops itself
// (SIGSTOP) right after that step, and the test kills it there with SIGKILL.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface PausedChild {
  child: ChildProcess;
  /** Created at spawn, so an exit is never missed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it wrote to stderr so far. */
  stderr(): string;
}

export function spawnPaused(cmd: string, args: string[], env: NodeJS.ProcessEnv): PausedChild {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, stderr: () => stderr };
}

/** Resolves once the process is stopped (state T); rejects if it exits first or the bound passes. */
export async function untilStopped(p: PausedChild, boundMs = 30_000): Promise<void> {
  const pid = p.child.pid;
  if (pid === undefined) throw new Error('the process did not start');
  let exit: { code: number | null } | undefined;
  void p.exited.then((e) => {
    exit = e;
  });
  const deadline = Date.now() + boundMs;
  for (;;) {
    if (exit) {
      throw new Error(`pid ${pid} exited (${exit.code}) instead of pausing: ${p.stderr().trim()}`);
    }
    if (processState(pid) === 'T') return;
    if (Date.now() > deadline) throw new Error(`pid ${pid} did not pause within ${boundMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Kill -9 at the pause point, and wait until the process is gone. */
export async function killAtPause(p: PausedChild): Promise<void> {
  await untilStopped(p);
  p.child.kill('SIGKILL');
  await p.exited;
}

function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}
