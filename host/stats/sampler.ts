// The statistics sampler: while anything watches a bridge, reads the counters of the
// bridge and of every port once per interval, turns them into rates, keeps the
// bridge's history and hands each sample to the watchers. With no watcher left the
// timer stops and nothing is read. No Electron, no IPC: main/services bridges the
// callbacks to the renderer.
import type { Counters } from '../readers/bridge-stats.js';
import { BridgeHistory, type HistoryView } from './bridge-history.js';
import { type CounterSource, ProcfsCounterSource } from './counter-source.js';
import { linkRates, type Rates, zeroRates } from './link-rates.js';

export interface LinkSample {
  link: string;
  /** The kernel's running totals at this sample. */
  counters: Counters;
  /** Per second over `seconds`. */
  rates: Rates;
}

export interface BridgeSample {
  bridge: string;
  /** Wall-clock milliseconds. */
  at: number;
  /** Seconds since the previous sample of this bridge (about the interval). */
  seconds: number;
  /** The bridge device itself: traffic to and from the host (routed, NATed, DNS, DHCP). */
  total: LinkSample;
  /** One entry per port, sorted by name: guest-to-guest traffic shows only here. */
  ports: LinkSample[];
}

export type SampleListener = (sample: BridgeSample) => void;

export interface SamplerOptions {
  intervalMs?: number;
  source?: CounterSource;
  /** Monotonic milliseconds, for the rate denominators. */
  now?: () => number;
  /** Wall-clock milliseconds, for timestamps. */
  clock?: () => number;
  /** A tick that failed to read (it is skipped; the next one tries again). */
  onError?: (err: unknown) => void;
  /** After every tick, with its duration: for self-monitoring and the benchmark. */
  onTick?: (durationMs: number) => void;
}

interface Watch {
  listeners: Set<SampleListener>;
  /** Counters at the previous read, by link; empty until the first read. */
  last: Map<string, Counters>;
  lastAt: number;
}

export class StatsSampler {
  readonly intervalMs: number;
  private readonly source: CounterSource;
  private readonly now: () => number;
  private readonly clock: () => number;
  private readonly onError: (err: unknown) => void;
  private readonly onTick: ((durationMs: number) => void) | undefined;
  private readonly watches = new Map<string, Watch>();
  private readonly histories = new Map<string, BridgeHistory>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private reads = 0;
  private lastTickMs = 0;

  constructor(options: SamplerOptions = {}) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.source = options.source ?? new ProcfsCounterSource();
    this.now = options.now ?? (() => performance.now());
    this.clock = options.clock ?? (() => Date.now());
    this.onError = options.onError ?? (() => {});
    this.onTick = options.onTick;
  }

  /** Starts watching (the first watcher of any bridge starts the timer). Returns the unsubscribe. */
  subscribe(bridge: string, listener: SampleListener): () => void {
    let watch = this.watches.get(bridge);
    if (!watch) {
      watch = { listeners: new Set(), last: new Map(), lastAt: 0 };
      this.watches.set(bridge, watch);
      // A baseline now, so the first sample comes one interval later instead of two.
      this.guard(() => this.baseline(bridge, watch as Watch, this.source.readAll()));
    }
    // A wrapper per call, so one function subscribed twice needs two unsubscribes.
    const entry: SampleListener = (s) => listener(s);
    watch.listeners.add(entry);
    this.startTimer();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.release(bridge, entry);
    };
  }

  private release(bridge: string, entry: SampleListener): void {
    const watch = this.watches.get(bridge);
    if (!watch) return;
    watch.listeners.delete(entry);
    if (watch.listeners.size === 0) this.watches.delete(bridge);
    if (this.watches.size === 0) this.stopTimer();
  }

  /** Watchers of one bridge (or of all). */
  watcherCount(bridge?: string): number {
    if (bridge !== undefined) return this.watches.get(bridge)?.listeners.size ?? 0;
    let n = 0;
    for (const w of this.watches.values()) n += w.listeners.size;
    return n;
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** Counter reads so far (a read serves every watched bridge). */
  get readCount(): number {
    return this.reads;
  }

  /** Wall time of the last tick in milliseconds. */
  get lastTickDurationMs(): number {
    return this.lastTickMs;
  }

  history(bridge: string, seconds: number): HistoryView {
    const h = this.histories.get(bridge) ?? new BridgeHistory(this.intervalMs / 1000);
    return h.view(seconds, this.clock());
  }

  /** Drops the history of a bridge that is gone (network undefined). */
  forget(bridge: string): void {
    this.histories.delete(bridge);
  }

  /** One sampling pass; the timer calls it, tests and benchmarks may too. */
  tick(): void {
    const started = this.now();
    this.guard(() => {
      const all = this.readAll();
      const at = this.clock();
      const mono = this.now();
      for (const [bridge, watch] of this.watches) this.sampleBridge(bridge, watch, all, at, mono);
    });
    this.lastTickMs = this.now() - started;
    this.onTick?.(this.lastTickMs);
  }

  private readAll(): Map<string, Counters> {
    this.reads++;
    return this.source.readAll();
  }

  private baseline(bridge: string, watch: Watch, all: Map<string, Counters>): void {
    this.reads++;
    watch.last = this.linksOf(bridge, all);
    watch.lastAt = this.now();
  }

  private linksOf(bridge: string, all: Map<string, Counters>): Map<string, Counters> {
    const out = new Map<string, Counters>();
    const own = all.get(bridge);
    if (own) out.set(bridge, own);
    for (const link of this.source.ports(bridge)) {
      const c = all.get(link);
      if (c) out.set(link, c);
    }
    return out;
  }

  private sampleBridge(
    bridge: string,
    watch: Watch,
    all: Map<string, Counters>,
    at: number,
    mono: number,
  ): void {
    const current = this.linksOf(bridge, all);
    const seconds = (mono - watch.lastAt) / 1000;
    const previous = watch.last;
    watch.last = current;
    watch.lastAt = mono;
    const total = current.get(bridge);
    const before = previous.get(bridge);
    // A bridge that is missing now, or was at the last read, has no rate yet.
    if (!total || !before || !(seconds > 0)) return;
    const sample: BridgeSample = {
      bridge,
      at,
      seconds,
      total: { link: bridge, counters: total, rates: linkRates(before, total, seconds) },
      ports: [],
    };
    for (const [link, counters] of current) {
      if (link === bridge) continue;
      // A port seen for the first time (just plugged in, or the list was re-read) has
      // no earlier counters here; counting from zero would show its whole past as one
      // second's traffic, so its first rates are zero.
      const prev = previous.get(link);
      sample.ports.push({ link, counters, rates: prev ? linkRates(prev, counters, seconds) : zeroRates() });
    }
    this.historyOf(bridge).add(at, sample.total.rates);
    for (const listener of [...watch.listeners]) this.guard(() => listener(sample));
  }

  private historyOf(bridge: string): BridgeHistory {
    let h = this.histories.get(bridge);
    if (!h) {
      h = new BridgeHistory(this.intervalMs / 1000);
      this.histories.set(bridge, h);
    }
    return h;
  }

  private startTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    // The sampler alone never keeps a process alive.
    this.timer.unref?.();
  }

  private stopTimer(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.onError(err);
    }
  }
}
