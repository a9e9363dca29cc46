// What the kernel says about a process: its state letter in /proc/PID/stat ('R'
// running, 'S' sleeping, 'T' stopped by a signal, 'Z' zombie), so a test can wait for
// a process to have stopped itself (SWITCHYARD_PAUSE_AT) or to be gone.
import { readFileSync } from 'node:fs';

/** undefined when there is no such process any more. */
export function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may itself hold spaces and ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

/** Exited: reaped, or a zombie only waiting for its parent. */
export function hasExited(pid: number): boolean {
  const state = processState(pid);
  return state === undefined || state === 'Z' || state === 'X';
}

/** The executable's name (/proc/PID/comm): tells when a launcher has exec'd its command. */
export function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}
