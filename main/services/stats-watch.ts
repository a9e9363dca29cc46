// One window's statistics subscriptions: the set of bridges it shows rates for (the
// open Statistics tab plus the list's visible active rows). Each bridge is one
// subscription on the shared sampler, so the sampler reads /sys only while some window
// looks, and a closed window releases everything it watched.
import type { StatsHistory, StatsSample } from '../../contract/ipc.js';
import type { BridgeSample, StatsSampler } from '../../host/stats/index.js';

export class StatsWatch {
  private readonly subscriptions = new Map<string, () => void>();

  constructor(
    private readonly sampler: StatsSampler,
    private readonly onSample: (sample: StatsSample) => void,
  ) {}

  /** Replaces the watched set: new bridges subscribe, dropped ones unsubscribe. */
  set(bridges: readonly string[]): void {
    const wanted = new Set(bridges);
    for (const [bridge, unsubscribe] of this.subscriptions) {
      if (wanted.has(bridge)) continue;
      unsubscribe();
      this.subscriptions.delete(bridge);
    }
    for (const bridge of wanted) {
      if (this.subscriptions.has(bridge)) continue;
      this.subscriptions.set(
        bridge,
        this.sampler.subscribe(bridge, (s) => this.onSample(toWire(s))),
      );
    }
  }

  get watching(): string[] {
    return [...this.subscriptions.keys()];
  }

  close(): void {
    this.set([]);
  }
}

export function historyOf(sampler: StatsSampler, bridge: string, seconds: number): StatsHistory {
  const view = sampler.history(bridge, seconds);
  return { bridge, resolutionSeconds: view.resolutionSeconds, at: view.at, rates: view.rates };
}

/** Only what the renderer draws crosses: rates, and each port's running byte totals. */
export function toWire(s: BridgeSample): StatsSample {
  return {
    bridge: s.bridge,
    at: s.at,
    total: s.total.rates,
    ports: s.ports.map((p) => ({
      link: p.link,
      rates: p.rates,
      rxBytes: p.counters.rx_bytes,
      txBytes: p.counters.tx_bytes,
    })),
  };
}
