import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Counters } from '../../../host/readers/bridge-stats.js';
import type { CounterSource } from '../../../host/stats/counter-source.js';
import { zeroRates } from '../../../host/stats/link-rates.js';
import { type BridgeSample, StatsSampler } from '../../../host/stats/sampler.js';

/** A namespace in memory: links with counters that the test moves, and bridge ports. */
class FakeSource implements CounterSource {
  links = new Map<string, Counters>();
  brif = new Map<string, string[]>();
  reads = 0;

  readAll(): Map<string, Counters> {
    this.reads++;
    return new Map([...this.links].map(([k, v]) => [k, { ...v }]));
  }

  ports(bridge: string): readonly string[] {
    return this.brif.get(bridge) ?? [];
  }

  add(link: string, over: Partial<Counters>): void {
    const c = this.links.get(link) ?? zeroRates();
    for (const [k, v] of Object.entries(over)) c[k as keyof Counters] += v;
    this.links.set(link, c);
  }
}

describe('statistics sampler', () => {
  let source: FakeSource;
  let mono: number;
  let sampler: StatsSampler;

  beforeEach(() => {
    vi.useFakeTimers();
    source = new FakeSource();
    source.add('virbr0', {});
    source.add('vnet0', {});
    source.add('vnet1', {});
    source.brif.set('virbr0', ['vnet0', 'vnet1']);
    mono = 0;
    sampler = new StatsSampler({ source, now: () => mono, clock: () => 1_000_000 + mono });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  /** Moves both clocks a tick at a time, as real time would. */
  const advance = (ms: number) => {
    for (let step = 0; step < ms; step += 1000) {
      mono += 1000;
      vi.advanceTimersByTime(1000);
    }
  };

  it('reads nothing while nobody watches', () => {
    advance(10_000);
    expect(source.reads).toBe(0);
    expect(sampler.running).toBe(false);
  });

  it('samples once a second while watched, with rates for the bridge and each port', () => {
    const samples: BridgeSample[] = [];
    const stop = sampler.subscribe('virbr0', (s) => samples.push(s));
    source.add('virbr0', { rx_bytes: 2000, rx_packets: 2 });
    source.add('vnet0', { rx_bytes: 500, tx_dropped: 1 });
    advance(1000);
    expect(samples).toHaveLength(1);
    const [s] = samples as [BridgeSample];
    expect(s.seconds).toBe(1);
    expect(s.total.rates.rx_bytes).toBe(2000);
    expect(s.total.rates.rx_packets).toBe(2);
    expect(s.ports.map((p) => p.link)).toEqual(['vnet0', 'vnet1']);
    expect(s.ports[0]?.rates.rx_bytes).toBe(500);
    expect(s.ports[0]?.rates.tx_dropped).toBe(1);
    advance(3000);
    expect(samples).toHaveLength(4);
    stop();
  });

  it('counts watchers and stops its timer when the last one leaves', () => {
    const a = sampler.subscribe('virbr0', () => {});
    const b = sampler.subscribe('virbr0', () => {});
    expect(sampler.watcherCount('virbr0')).toBe(2);
    a();
    a(); // a second call is harmless
    expect(sampler.watcherCount()).toBe(1);
    expect(sampler.running).toBe(true);
    b();
    expect(sampler.running).toBe(false);
    const readsWhenStopped = source.reads;
    advance(5000);
    expect(source.reads).toBe(readsWhenStopped);
  });

  it('reads the counters once per tick however many bridges are watched', () => {
    source.add('virbr1', {});
    sampler.subscribe('virbr0', () => {});
    sampler.subscribe('virbr1', () => {});
    const before = source.reads;
    advance(3000);
    expect(source.reads - before).toBe(3);
  });

  it('keeps the history of what it sampled', () => {
    const stop = sampler.subscribe('virbr0', () => {});
    for (let i = 0; i < 5; i++) {
      source.add('virbr0', { tx_bytes: 100 });
      advance(1000);
    }
    stop();
    const h = sampler.history('virbr0', 60);
    expect(h.resolutionSeconds).toBe(1);
    expect(h.rates.tx_bytes).toEqual([100, 100, 100, 100, 100]);
  });

  it('skips a bridge that disappeared and resumes when it is back', () => {
    const samples: BridgeSample[] = [];
    sampler.subscribe('virbr0', (s) => samples.push(s));
    source.links.delete('virbr0');
    advance(1000);
    expect(samples).toHaveLength(0);
    source.add('virbr0', {});
    advance(1000); // baseline again
    source.add('virbr0', { rx_bytes: 10 });
    advance(1000);
    expect(samples).toHaveLength(1);
    expect(samples[0]?.total.rates.rx_bytes).toBe(10);
  });

  it('gives a newly seen port zero rates rather than its whole past', () => {
    const samples: BridgeSample[] = [];
    sampler.subscribe('virbr0', (s) => samples.push(s));
    source.add('vnet2', { rx_bytes: 1e9 });
    source.brif.set('virbr0', ['vnet0', 'vnet1', 'vnet2']);
    advance(1000);
    expect(samples[0]?.ports.find((p) => p.link === 'vnet2')?.rates.rx_bytes).toBe(0);
  });

  it('keeps sampling when a watcher throws', () => {
    const errors: unknown[] = [];
    const s2 = new StatsSampler({ source, now: () => mono, onError: (e) => errors.push(e) });
    let calls = 0;
    s2.subscribe('virbr0', () => {
      calls++;
      throw new Error('boom');
    });
    advance(2000);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
  });
});
