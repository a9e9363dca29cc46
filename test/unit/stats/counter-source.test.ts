import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProcfsCounterSource } from '../../../host/stats/counter-source.js';

/** A fake /proc/net/dev and /sys/class/net in a temporary directory. */
describe('procfs counter source port lists', () => {
  let dir: string;
  let dev: string;
  let sys: string;
  let source: ProcfsCounterSource;

  const writeDev = (links: string[]) =>
    writeFileSync(
      dev,
      `Inter-|   Receive\n face |bytes\n${links.map((l) => `${l}: 1 2 0 0 0 0 0 0 3 4 0 0 0 0 0 0`).join('\n')}\n`,
    );
  const plug = (bridge: string, port: string) => {
    mkdirSync(join(sys, port), { recursive: true });
    writeFileSync(join(sys, bridge, 'brif', port), '');
    symlinkSync(`../${bridge}`, join(sys, port, 'master'));
  };
  const unplug = (bridge: string, port: string) => {
    unlinkSync(join(sys, bridge, 'brif', port));
    unlinkSync(join(sys, port, 'master'));
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sy-stats-'));
    dev = join(dir, 'dev');
    sys = join(dir, 'sys');
    for (const b of ['br0', 'br1']) mkdirSync(join(sys, b, 'brif'), { recursive: true });
    plug('br0', 'vnet0');
    writeDev(['br0', 'br1', 'vnet0']);
    source = new ProcfsCounterSource({ procNetDev: dev, sysClassNet: sys, rescanEvery: 4 });
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists a port plugged in on the next read, and drops it when it is gone', () => {
    source.readAll();
    expect(source.ports('br0')).toEqual(['vnet0']);
    plug('br0', 'vnet1');
    writeDev(['br0', 'br1', 'vnet0', 'vnet1']);
    source.readAll();
    expect(source.ports('br0')).toEqual(['vnet0', 'vnet1']);
    unplug('br0', 'vnet0');
    writeDev(['br0', 'br1', 'vnet1']);
    source.readAll();
    expect(source.ports('br0')).toEqual(['vnet1']);
  });

  it('lists a new link enslaved a read after it appeared', () => {
    source.readAll();
    expect(source.ports('br1')).toEqual([]);
    mkdirSync(join(sys, 'tap0'));
    writeDev(['br0', 'br1', 'vnet0', 'tap0']);
    source.readAll();
    writeFileSync(join(sys, 'br1', 'brif', 'tap0'), '');
    symlinkSync('../br1', join(sys, 'tap0', 'master'));
    source.readAll();
    expect(source.ports('br1')).toEqual(['tap0']);
  });

  it('notices a port moved between bridges within rescanEvery reads', () => {
    source.readAll();
    expect(source.ports('br0')).toEqual(['vnet0']);
    expect(source.ports('br1')).toEqual([]);
    unplug('br0', 'vnet0');
    plug('br1', 'vnet0');
    for (let i = 0; i < 4; i++) {
      source.readAll();
      source.ports('br0');
      source.ports('br1');
    }
    expect(source.ports('br0')).toEqual([]);
    expect(source.ports('br1')).toEqual(['vnet0']);
  });
});
