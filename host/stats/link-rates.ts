// Per-second rates from two counter snapshots of one link.
import { zeroCounters } from '../../core/model/index.js';
import { COUNTERS, type Counter, type Counters } from '../readers/bridge-stats.js';

/** The same eight fields as Counters, per second. */
export type Rates = Record<Counter, number>;

export const zeroRates: () => Rates = zeroCounters;

/**
 * A counter that went down means the link was deleted and re-created under the same
 * name (a guest restarted): its counters began again at zero during the interval, so
 * the new value is the best estimate of what moved since the last sample.
 */
export function counterDelta(prev: number, next: number): number {
  return next >= prev ? next - prev : next;
}

export function linkRates(prev: Counters, next: Counters, seconds: number): Rates {
  const out = zeroRates();
  if (!(seconds > 0)) return out;
  for (const c of COUNTERS) out[c] = counterDelta(prev[c], next[c]) / seconds;
  return out;
}
