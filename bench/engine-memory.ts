// Reading /proc for the engine benchmark: which processes live in one of our
// namespaces, and how much memory they hold (RSS, and PSS, which splits the pages
// dnsmasq instances share between them instead of counting them once per process).
import { readdirSync, readFileSync, statSync } from 'node:fs';

export function netnsInode(name: string): number {
  return statSync(`/run/netns/${name}`).ino;
}

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

export const commOf = (pid: number): string => readOr(`/proc/${pid}/comm`, '').trim();
export const cmdlineOf = (pid: number): string => readOr(`/proc/${pid}/cmdline`, '').split('\0').join(' ');

function inNetns(pid: number, inode: number): boolean {
  try {
    return statSync(`/proc/${pid}/ns/net`).ino === inode;
  } catch {
    return false;
  }
}

/** PIDs of processes named COMM in network namespace NS. */
export function processesIn(ns: string, comm: string): number[] {
  const inode = netnsInode(ns);
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => commOf(pid) === comm && inNetns(pid, inode));
}

function kbField(text: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

export const rssKb = (pid: number): number => kbField(readOr(`/proc/${pid}/status`, ''), 'VmRSS');
export const pssKb = (pid: number): number => kbField(readOr(`/proc/${pid}/smaps_rollup`, ''), 'Pss');

export interface ProcessMemory {
  processes: number;
  rssKb: number;
  pssKb: number;
}

export function memoryOf(pids: readonly number[]): ProcessMemory {
  return {
    processes: pids.length,
    rssKb: pids.reduce((t, p) => t + rssKb(p), 0),
    pssKb: pids.reduce((t, p) => t + pssKb(p), 0),
  };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
