// Who holds the host lock, for the message a waiting command gives up with.
// Two sources: the PID our holders write into the lock file, and /proc/locks, which
// names the process that took an flock (a foreign `flock FILE cmd` keeps running;
// ours took it through flock(1), which has exited, hence the file).
import { readFileSync } from 'node:fs';
import { isRunning, readCmdline } from '../exec/proc.js';

export function describeLockHolders(inode: number, recordedPid: number | undefined): string[] {
  const pids = new Set([...lockingPids(inode), ...(recordedPid === undefined ? [] : [recordedPid])]);
  return [...pids].filter(isRunning).map((pid) => {
    const cmd = readCmdline(pid)?.join(' ') ?? '';
    return cmd ? `pid ${pid}: ${cmd.length > 80 ? `${cmd.slice(0, 77)}...` : cmd}` : `pid ${pid}`;
  });
}

/** PIDs in /proc/locks of FLOCK entries on this inode (the device is not checked: the inode is ours). */
function lockingPids(inode: number): number[] {
  let text: string;
  try {
    text = readFileSync('/proc/locks', 'utf8');
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const line of text.split('\n')) {
    // "1: FLOCK  ADVISORY  WRITE 4242 fe:00:1507849 0 EOF"
    const f = line.trim().split(/\s+/);
    if (f[1] !== 'FLOCK' || f[5]?.split(':')[2] !== String(inode)) continue;
    const pid = Number(f[4]);
    if (Number.isInteger(pid) && pid > 0) pids.push(pid);
  }
  return pids;
}
