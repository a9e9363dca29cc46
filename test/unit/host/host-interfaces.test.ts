import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readHostInterfaces, uplinkCandidates } from '../../../host/readers/host-interfaces.js';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A /sys/class/net tree as the kernel lays it out, with only the files the reader opens. */
function sysfs(
  links: Record<string, { files: Record<string, string>; dirs?: string[]; master?: string }>,
): string {
  root = mkdtempSync(join(tmpdir(), 'sy-sysfs-'));
  for (const [name, l] of Object.entries(links)) {
    const dir = join(root, name);
    mkdirSync(dir);
    for (const [f, v] of Object.entries(l.files)) writeFileSync(join(dir, f), `${v}\n`);
    for (const d of l.dirs ?? []) mkdirSync(join(dir, d));
    if (l.master) symlinkSync(`../${l.master}`, join(dir, 'master'));
  }
  return root;
}

const link = (ifindex: number, extra: Record<string, string> = {}, iflink = ifindex) => ({
  type: '1',
  ifindex: String(ifindex),
  iflink: String(iflink),
  operstate: 'up',
  uevent: `INTERFACE=x\nIFINDEX=${ifindex}`,
  ...extra,
});

// What `ip -details` says: sysfs cannot tell a veth from a dummy.
const kinds = new Map([
  ['vnet0', 'veth'],
  ['uplink', 'veth'],
  ['dummy0', 'dummy'],
  ['br0', 'bridge'],
]);

describe('the host interface inventory', () => {
  const tree = () =>
    sysfs({
      lo: { files: link(1, { type: '772', operstate: 'unknown' }) },
      eth0: { files: link(2, { speed: '1000' }), dirs: ['device'] },
      wlan0: {
        files: link(3, { uevent: 'DEVTYPE=wlan', operstate: 'dormant' }),
        dirs: ['device', 'phy80211'],
      },
      br0: { files: link(4, { uevent: 'DEVTYPE=bridge', speed: '-1' }), dirs: ['bridge'] },
      vnet0: { files: link(5, {}, 9), master: 'br0' },
      uplink: { files: link(6, {}, 12) },
      dummy0: { files: link(7) },
    });

  it('tells NICs, wireless, bridges, veths and virtual links apart', () => {
    const all = readHostInterfaces([], kinds, tree());
    expect(all.map((i) => [i.name, i.kind, i.physical])).toEqual([
      ['br0', 'bridge', false],
      ['dummy0', 'virtual', false],
      ['eth0', 'ethernet', true],
      ['lo', 'loopback', false],
      ['uplink', 'veth', false],
      ['vnet0', 'veth', false],
      ['wlan0', 'wireless', true],
    ]);
    expect(all.find((i) => i.name === 'eth0')).toMatchObject({ speed: 1000, state: 'up' });
    expect(all.find((i) => i.name === 'br0')?.speed).toBeUndefined();
    expect(all.find((i) => i.name === 'vnet0')?.master).toBe('br0');
  });

  it("merges systeminformation's default route and speed", () => {
    const all = readHostInterfaces(
      [{ iface: 'uplink', type: 'wired', default: true, speed: 10000 }],
      kinds,
      tree(),
    );
    expect(all.find((i) => i.name === 'uplink')).toMatchObject({ defaultRoute: true, speed: 10000 });
  });

  it('offers no loopback, no bridge port and none of our bridges as an uplink', () => {
    const all = readHostInterfaces([], kinds, tree());
    expect(uplinkCandidates(all, new Set(['dummy0'])).map((i) => i.name)).toEqual([
      'br0',
      'eth0',
      'uplink',
      'wlan0',
    ]);
  });
});
