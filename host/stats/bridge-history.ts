// What one bridge did: the last hour at the sampling resolution (1 s), and the last
// 24 hours in 1-minute buckets, each the mean rate of the samples that fell in it.
// One minute rather than 10 s because a day-wide chart is about a thousand pixels
// across: 1440 points already exceed that, at 58 KB per bridge instead of 346 KB.
// The minute tier is fed continuously, so it also covers the most recent hour.
import { COUNTERS } from '../readers/bridge-stats.js';
import { type Rates, zeroRates } from './link-rates.js';
import { type RateColumns, RateRing } from './rate-ring.js';

export const FINE_SECONDS = 3600;
export const COARSE_BUCKET_SECONDS = 60;
export const COARSE_SECONDS = 24 * 3600;

export interface HistoryView extends RateColumns {
  resolutionSeconds: number;
}

export class BridgeHistory {
  private fine: RateRing | undefined;
  private coarse: RateRing | undefined;
  private bucket: { start: number; sum: Rates; n: number } | undefined;

  constructor(private readonly intervalSeconds = 1) {}

  add(at: number, rates: Rates): void {
    // Rings are allocated on the first sample, so bridges nobody watched cost nothing.
    this.fine ??= new RateRing(Math.ceil(FINE_SECONDS / this.intervalSeconds));
    this.coarse ??= new RateRing(COARSE_SECONDS / COARSE_BUCKET_SECONDS);
    this.fine.push(at, rates);
    const start = at - (at % (COARSE_BUCKET_SECONDS * 1000));
    if (this.bucket && this.bucket.start !== start) this.closeBucket();
    this.bucket ??= { start, sum: zeroRates(), n: 0 };
    for (const c of COUNTERS) this.bucket.sum[c] += rates[c];
    this.bucket.n++;
  }

  private closeBucket(): void {
    const b = this.bucket;
    if (!b || !this.coarse) return;
    const mean = zeroRates();
    for (const c of COUNTERS) mean[c] = b.sum[c] / b.n;
    this.coarse.push(b.start, mean);
    this.bucket = undefined;
  }

  /** The last `seconds` of history: 1 s points up to an hour, 1-minute buckets beyond. */
  view(seconds: number, now: number): HistoryView {
    const since = now - seconds * 1000;
    if (seconds <= FINE_SECONDS || !this.coarse) {
      const cols = this.fine?.since(since) ?? new RateRing(1).since(Number.POSITIVE_INFINITY);
      return { resolutionSeconds: this.intervalSeconds, ...cols };
    }
    return { resolutionSeconds: COARSE_BUCKET_SECONDS, ...this.coarse.since(since) };
  }
}
