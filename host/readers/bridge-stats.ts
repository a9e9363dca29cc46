// Interface counters straight from sysfs: a handful of small reads, cheap enough for 1 Hz.
import { readdirSync, readFileSync } from 'node:fs';

export const COUNTERS = [
  'rx_bytes',
  'tx_bytes',
  'rx_packets',
  'tx_packets',
  'rx_errors',
  'tx_errors',
  'rx_dropped',
  'tx_dropped',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

export function readCounters(link: string, sysClassNet = '/sys/class/net'): Counters | undefined {
  try {
    const out = {} as Counters;
    for (const c of COUNTERS) out[c] = Number(readFileSync(`${sysClassNet}/${link}/statistics/${c}`, 'utf8'));
    return out;
  } catch {
    return undefined;
  }
}

export function bridgePorts(bridge: string, sysClassNet = '/sys/class/net'): string[] {
  try {
    return readdirSync(`${sysClassNet}/${bridge}/brif`).sort();
  } catch {
    return [];
  }
}
