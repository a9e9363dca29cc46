// Crash tests stop the engine at a named step instead of guessing a delay: with
// SWITCHYARD_PAUSE_AT=<step id> the process running the engine stops itself
// (SIGSTOP) right after that step, and the test kills it there with SIGKILL.
import { type ChildProcess, spawn } from 'node:child_process';
import { type ChildExit, exitOf } from '../../support/child-exit.js';
import { pollUntil } from '../../support/poll-until.js';
import { processState } from '../../support/process-state.js';
import { CLI } from './cli-runner.js';
import type { Topology } from './topology.js';

export interface PausedChild {
  child: ChildProcess;
  /** Taken at spawn, so an exit is never missed. */
  exited: Promise<ChildExit>;
  /** What it wrote to stderr so far. */
  stderr(): string;
}

export function spawnPaused(cmd: string, args: string[], env: NodeJS.ProcessEnv): PausedChild {
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = exitOf(child);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  return { child, exited, stderr: () => stderr };
}

/** Resolves once the process is stopped (state T); fails if it exits first. */
export async function untilStopped(p: PausedChild): Promise<void> {
  const pid = p.child.pid;
  if (pid === undefined) throw new Error('the process did not start');
  let exit: ChildExit | undefined;
  void p.exited.then((e) => {
    exit = e;
  });
  await pollUntil(
    `pid ${pid} to pause`,
    () => {
      if (exit) throw new Error(`pid ${pid} exited (${exit.code}) instead of pausing: ${p.stderr().trim()}`);
      return processState(pid) === 'T';
    },
    { timeoutMs: 30_000 },
  );
}

/** Kill -9 at the pause point, and wait until the process is gone. */
export async function killAtPause(p: PausedChild): Promise<void> {
  await untilStopped(p);
  p.child.kill('SIGKILL');
  await p.exited;
}

/** The CLI as root in TOPO's host namespace and state root, for a test to stop and kill. */
export function spawnCliPaused(topo: Topology, args: string[], env: NodeJS.ProcessEnv): PausedChild {
  return spawnPaused('ip', ['netns', 'exec', topo.host, process.execPath, CLI, ...args], {
    ...process.env,
    ...topo.env,
    SWITCHYARD_NO_DEFAULT: '1',
    ...env,
  });
}
