import { describe, expect, it } from 'vitest';
import type { Counters } from '../../../host/readers/bridge-stats.js';
import { BridgeHistory, COARSE_BUCKET_SECONDS } from '../../../host/stats/bridge-history.js';
import { counterDelta, linkRates, zeroRates } from '../../../host/stats/link-rates.js';
import { parseProcNetDev } from '../../../host/stats/proc-net-dev.js';
import { RateRing } from '../../../host/stats/rate-ring.js';

const counters = (over: Partial<Counters> = {}): Counters => ({ ...zeroRates(), ...over });

describe('rates', () => {
  it('divides each counter delta by the interval', () => {
    const r = linkRates(
      counters({ rx_bytes: 1000, tx_packets: 4 }),
      counters({ rx_bytes: 3000, tx_packets: 10 }),
      2,
    );
    expect(r.rx_bytes).toBe(1000);
    expect(r.tx_packets).toBe(3);
    expect(r.rx_errors).toBe(0);
  });

  it('treats a counter that went down as a link re-created since the last sample', () => {
    expect(counterDelta(5000, 700)).toBe(700);
    expect(counterDelta(5000, 5000)).toBe(0);
  });

  it('gives zero rates for a zero or negative interval instead of Infinity', () => {
    expect(linkRates(counters(), counters({ rx_bytes: 10 }), 0).rx_bytes).toBe(0);
  });
});

describe('/proc/net/dev', () => {
  const text = [
    'Inter-|   Receive                                                |  Transmit',
    ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
    '    lo:    3193      29    0    0    0     0          0         0     3193      29    0    0    0     0       0          0',
    'virbr0: 123456789012 1000 2 3 0 0 0 7 987654321 900 4 5 0 0 0 0',
    '',
  ].join('\n');

  it('maps the receive and transmit columns to the sysfs counter names', () => {
    const all = parseProcNetDev(text);
    expect([...all.keys()]).toEqual(['lo', 'virbr0']);
    expect(all.get('virbr0')).toEqual({
      rx_bytes: 123456789012,
      rx_packets: 1000,
      rx_errors: 2,
      rx_dropped: 3,
      tx_bytes: 987654321,
      tx_packets: 900,
      tx_errors: 4,
      tx_dropped: 5,
    });
  });
});

describe('/proc/net/dev, odd lines', () => {
  it('skips lines that are short or not numeric, and keeps names with dots and dashes', () => {
    const all = parseProcNetDev(
      'x: 1 2 3\nbad: 1 2 a 4 5 6 7 8 9 10 11 12\nvnet-0.1: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16',
    );
    expect([...all.keys()]).toEqual(['vnet-0.1']);
    expect(all.get('vnet-0.1')?.tx_dropped).toBe(12);
  });
});

describe('ring of rate points', () => {
  it('keeps the newest points, oldest first, and filters by time', () => {
    const ring = new RateRing(3);
    for (let i = 1; i <= 5; i++) ring.push(i * 1000, { ...zeroRates(), rx_bytes: i });
    expect(ring.size).toBe(3);
    expect(ring.since(0).at).toEqual([3000, 4000, 5000]);
    expect(ring.since(0).rates.rx_bytes).toEqual([3, 4, 5]);
    expect(ring.since(4000).at).toEqual([4000, 5000]);
  });
});

describe('bridge history', () => {
  const minute = COARSE_BUCKET_SECONDS * 1000;

  it('keeps an hour at 1 s and drops what is older', () => {
    const h = new BridgeHistory(1);
    const t0 = 10 * minute;
    for (let s = 0; s < 4000; s++) h.add(t0 + s * 1000, { ...zeroRates(), rx_bytes: s });
    const now = t0 + 3999 * 1000;
    const hour = h.view(3600, now);
    expect(hour.resolutionSeconds).toBe(1);
    expect(hour.at.length).toBe(3600);
    expect(hour.rates.rx_bytes[0]).toBe(400);
    expect(h.view(60, now).at.length).toBe(61);
  });

  it('downsamples into 1-minute means for ranges beyond an hour', () => {
    const h = new BridgeHistory(1);
    const t0 = 100 * minute;
    // Two full minutes: rates 0..59 then 60..119, and one sample into the third.
    for (let s = 0; s <= 120; s++) h.add(t0 + s * 1000, { ...zeroRates(), tx_bytes: s });
    const day = h.view(24 * 3600, t0 + 120 * 1000);
    expect(day.resolutionSeconds).toBe(60);
    expect(day.at).toEqual([t0, t0 + minute]);
    expect(day.rates.tx_bytes).toEqual([29.5, 89.5]);
  });

  it('is empty for a bridge never sampled', () => {
    expect(new BridgeHistory(1).view(600, Date.now()).at).toEqual([]);
  });
});
