import { describe, expect, it } from 'vitest';
import type { Rates } from '../../../contract/ipc.js';
import { cliCommand, hostElement, shellQuote } from '../../../renderer/src/features/cli/cli-commands.js';
import { canReserve, timeLeft } from '../../../renderer/src/features/leases/lease-view.js';
import { formatBytes, formatCount, formatRate } from '../../../renderer/src/features/stats/format-rate.js';
import { listBridges } from '../../../renderer/src/features/stats/list-bridges.js';
import { RateSeries } from '../../../renderer/src/features/stats/rate-series.js';
import { WatchSet } from '../../../renderer/src/features/stats/watch-set.js';

const rates = (rx: number, tx = 0): Rates => ({
  rx_bytes: rx,
  tx_bytes: tx,
  rx_packets: 0,
  tx_packets: 0,
  rx_errors: 0,
  tx_errors: 0,
  rx_dropped: 0,
  tx_dropped: 0,
});

describe('CLI commands', () => {
  it('gives the switchyard command of each action', () => {
    expect(cliCommand({ kind: 'start', name: 'lab' })).toBe('switchyard net-start lab');
    expect(cliCommand({ kind: 'stop', name: 'lab' })).toBe('switchyard net-destroy lab');
    expect(cliCommand({ kind: 'autostart', name: 'lab', on: false })).toBe(
      'switchyard net-autostart lab --disable',
    );
    expect(cliCommand({ kind: 'delete', name: 'my net' })).toBe(
      'switchyard net-destroy "my net" && switchyard net-undefine "my net"',
    );
    expect(
      cliCommand({ kind: 'reserve', name: 'lab', mac: '52:54:00:00:00:01', ip: '10.0.0.5', hostname: 'vm1' }),
    ).toBe(
      `switchyard net-update lab add ip-dhcp-host "<host mac='52:54:00:00:00:01' name='vm1' ip='10.0.0.5'/>" --live --config`,
    );
  });

  it('drops a hostname libvirt would refuse and quotes what the shell would expand', () => {
    expect(hostElement({ mac: 'm', ip: 'i', hostname: 'bad name' })).toBe(`<host mac='m' ip='i'/>`);
    expect(shellQuote('a$b')).toBe(`'a$b'`);
    expect(shellQuote(`it's $x`)).toBe(`'it'\\''s $x'`);
  });
});

describe('lease view', () => {
  it('says how long a lease has left', () => {
    const now = 1_000_000_000_000;
    expect(timeLeft(0, now)).toBe('infinite');
    expect(timeLeft(now / 1000 - 5, now)).toBe('expired');
    expect(timeLeft(now / 1000 + 42, now)).toBe('42s');
    expect(timeLeft(now / 1000 + 125, now)).toBe('2m 05s');
    expect(timeLeft(now / 1000 + 3 * 3600 + 60, now)).toBe('3h 01m');
  });

  it('knows which leases can be reserved', () => {
    expect(canReserve({ ip: '10.0.0.4', mac: 'x', expiry: 0, reserved: false })).toBe(true);
    expect(canReserve({ ip: 'fd00::4', expiry: 0, reserved: false })).toBe(false);
  });
});

describe('rates', () => {
  it('formats bit/s and B/s with SI prefixes', () => {
    expect(formatRate(0, 'bit')).toBe('0 bit/s');
    expect(formatRate(1250, 'bit')).toBe('10.0 kbit/s');
    expect(formatRate(125_000_000, 'bit')).toBe('1.00 Gbit/s');
    expect(formatRate(1500, 'byte')).toBe('1.50 kB/s');
    expect(formatBytes(46_800)).toBe('46.8 kB');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(2.5)).toBe('2.5');
  });

  it('keeps the last hour in a ring, in time order, history before live points', () => {
    const s = new RateSeries(3);
    for (let t = 1; t <= 5; t++) s.push(t * 1000, rates(t));
    expect(s.size).toBe(3);
    const w = s.window(0);
    expect(w.at).toEqual([3000, 4000, 5000]);
    expect(w.cols[s.column('rx_bytes')]).toEqual([3, 4, 5]);
    expect(s.window(4500).at).toEqual([5000]);
    s.push(4000, rates(99));
    expect(s.size).toBe(3);
    const fresh = new RateSeries(10);
    fresh.push(5000, rates(5));
    fresh.load({
      bridge: 'b',
      resolutionSeconds: 1,
      at: [3000, 4000, 5000],
      rates: { rx_bytes: [3, 4, 50], tx_bytes: [0, 0, 0] },
    });
    expect(fresh.window(0).at).toEqual([3000, 4000, 5000]);
  });

  it('asks main for the union of what the list and the tab show, once per change', () => {
    const w = new WatchSet();
    w.set('list', ['virbr0', 'virbr1']);
    w.set('details', ['virbr1']);
    expect(w.changed()).toEqual(['virbr0', 'virbr1']);
    expect(w.changed()).toBeUndefined();
    w.set('list', []);
    expect(w.changed()).toEqual(['virbr1']);
    w.reset();
    expect(w.changed()).toEqual(['virbr1']);
    expect(
      listBridges([{ active: true, bridge: 'a' }, { active: false, bridge: 'b' }, { active: true }]),
    ).toEqual(['a']);
  });
});
