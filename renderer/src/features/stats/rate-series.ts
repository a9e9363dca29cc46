// One bridge's rates in the renderer: the last hour at 1 s, by column in typed arrays
// (no object per point), so 50 bridges with an hour each stay a few MB. The chart
// reads a window of it as uPlot's columns.
import type { RateName, Rates, StatsHistory } from '../../../../contract/ipc.js';
import { COUNTER_NAMES } from '../../../../core/model/index.js';

export const RATE_NAMES: readonly RateName[] = COUNTER_NAMES;

export const SERIES_CAPACITY = 3600;

export class RateSeries {
  private readonly at: Float64Array;
  private readonly cols: Float32Array[];
  private next = 0;
  private count = 0;

  constructor(readonly capacity = SERIES_CAPACITY) {
    this.at = new Float64Array(capacity);
    this.cols = RATE_NAMES.map(() => new Float32Array(capacity));
  }

  get size(): number {
    return this.count;
  }

  get lastAt(): number {
    return this.count === 0 ? Number.NEGATIVE_INFINITY : (this.at[this.slot(this.count - 1)] as number);
  }

  /** Points must come in time order; an older or equal one is ignored (history after live). */
  push(at: number, rates: Rates): void {
    if (at <= this.lastAt) return;
    this.at[this.next] = at;
    RATE_NAMES.forEach((name, i) => {
      (this.cols[i] as Float32Array)[this.next] = rates[name];
    });
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** Seeds from main's history (which covers time before this window watched). */
  load(history: StatsHistory): void {
    const points: { at: number; rates: Rates }[] = [];
    history.at.forEach((at, k) => {
      const rates = {} as Rates;
      for (const name of RATE_NAMES) rates[name] = history.rates[name]?.[k] ?? 0;
      points.push({ at, rates });
    });
    const live = this.window(Number.NEGATIVE_INFINITY);
    this.clear();
    for (const p of points) this.push(p.at, p.rates);
    live.at.forEach((at, k) => {
      const rates = {} as Rates;
      RATE_NAMES.forEach((name, i) => {
        rates[name] = (live.cols[i] as number[])[k] ?? 0;
      });
      this.push(at, rates);
    });
  }

  clear(): void {
    this.next = 0;
    this.count = 0;
  }

  /** Points with at >= since: seconds (uPlot's x) and one array per rate, oldest first. */
  window(since: number): { at: number[]; cols: number[][] } {
    const at: number[] = [];
    const cols: number[][] = RATE_NAMES.map(() => []);
    for (let k = 0; k < this.count; k++) {
      const s = this.slot(k);
      const t = this.at[s] as number;
      if (t < since) continue;
      at.push(t);
      this.cols.forEach((c, i) => {
        (cols[i] as number[]).push(c[s] as number);
      });
    }
    return { at, cols };
  }

  column(name: RateName): number {
    return RATE_NAMES.indexOf(name);
  }

  private slot(k: number): number {
    return (this.next - this.count + k + this.capacity * 2) % this.capacity;
  }
}
