// A child's exit as a promise, taken the moment it is spawned: whatever then makes the
// child exit (a signal, stdin closing, a crash), the exit cannot be missed, and the
// test never has to ask "has it already exited?".
import type { ChildProcess } from 'node:child_process';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Call in the same tick as spawn(). */
export function exitOf(child: ChildProcess): Promise<ChildExit> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}
