// The window's statistics: one RateSeries per watched bridge, fed by stats.sample
// events, and the latest sample for the list's rate column and the port table.
import type { StatsSample } from '../../../../contract/ipc.js';
import { call } from '../../api/call.js';
import { RateSeries } from './rate-series.js';
import { WatchSet } from './watch-set.js';

class StatsStore {
  readonly series = new Map<string, RateSeries>();
  /** Latest sample per bridge; reassigned so views update. */
  latest = $state<Record<string, StatsSample>>({});
  /** Bumped on every sample, for charts to redraw. */
  version = $state(0);
  private readonly watch = new WatchSet();
  private listening: (() => void) | undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;

  want(owner: string, bridges: readonly string[]): void {
    this.watch.set(owner, bridges);
    this.listen();
    // Scrolling changes the visible rows many times a second: tell main once.
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.flush(), 150);
  }

  seriesOf(bridge: string): RateSeries {
    let s = this.series.get(bridge);
    if (!s) {
      s = new RateSeries();
      this.series.set(bridge, s);
    }
    return s;
  }

  /** Fills a bridge's series with main's hour of history (time before this tab watched). */
  async loadHistory(bridge: string): Promise<void> {
    const history = await call('stats.history', { bridge, seconds: 3600 });
    this.seriesOf(bridge).load(history);
    this.version++;
  }

  /** After a reconnect main knows nothing of this window's watches: send them again. */
  resubscribe(): void {
    this.watch.reset();
    this.flush();
  }

  private flush(): void {
    const bridges = this.watch.changed();
    if (!bridges) return;
    call('stats.watch', { bridges }).catch(() => this.watch.reset());
    // Series of bridges nobody watches any more are dropped with their memory.
    const keep = new Set(bridges);
    for (const b of this.series.keys()) if (!keep.has(b)) this.series.delete(b);
    const latest: Record<string, StatsSample> = {};
    for (const [b, s] of Object.entries(this.latest)) if (keep.has(b)) latest[b] = s;
    this.latest = latest;
  }

  private listen(): void {
    this.listening ??= window.api.on('stats.sample', (s) => this.receive(s));
  }

  receive(s: StatsSample): void {
    this.seriesOf(s.bridge).push(s.at, s.total);
    this.latest = { ...this.latest, [s.bridge]: s };
    this.version++;
  }
}

export const stats = new StatsStore();
