// A fixed-size ring of rate points, stored by column in typed arrays: an hour at 1 s
// for one bridge is 3600 × (8 + 8×4) bytes = 144 KB and no per-point objects.
// Rates are float32 (7 significant digits is finer than any chart shows).
import { COUNTERS, type Counter } from '../readers/bridge-stats.js';
import type { Rates } from './link-rates.js';

export interface RateColumns {
  /** Wall-clock milliseconds of each point, oldest first. */
  at: number[];
  rates: Record<Counter, number[]>;
}

export class RateRing {
  private readonly at: Float64Array;
  private readonly values: Float32Array;
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.at = new Float64Array(capacity);
    this.values = new Float32Array(capacity * COUNTERS.length);
  }

  get size(): number {
    return this.count;
  }

  push(at: number, rates: Rates): void {
    this.at[this.next] = at;
    const base = this.next * COUNTERS.length;
    COUNTERS.forEach((c, i) => {
      this.values[base + i] = rates[c];
    });
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** Points with at >= since, oldest first. */
  since(since: number): RateColumns {
    const out: RateColumns = { at: [], rates: emptyColumns() };
    for (let k = 0; k < this.count; k++) {
      const slot = (this.next - this.count + k + this.capacity) % this.capacity;
      const at = this.at[slot] as number;
      if (at < since) continue;
      out.at.push(at);
      const base = slot * COUNTERS.length;
      COUNTERS.forEach((c, i) => {
        out.rates[c].push(this.values[base + i] as number);
      });
    }
    return out;
  }
}

function emptyColumns(): Record<Counter, number[]> {
  return Object.fromEntries(COUNTERS.map((c) => [c, [] as number[]])) as Record<Counter, number[]>;
}
