// Interface counters straight from sysfs: a handful of small reads, cheap enough for 1 Hz.
import { readdirSync, readFileSync } from 'node:fs';
import { COUNTER_NAMES, type CounterName, type Counters } from '../../core/model/index.js';

export const COUNTERS = COUNTER_NAMES;
export type Counter = CounterName;
export type { Counters };

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
