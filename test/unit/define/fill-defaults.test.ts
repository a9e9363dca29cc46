import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../../core/addr/cidr.js';
import { defaultNetworkDef } from '../../../core/define/default-network.js';
import { fillDefaults, pickBridgeName, randomMac, randomUuid } from '../../../core/define/fill-defaults.js';
import type { NetworkDef } from '../../../core/model/network.js';
import type { Result } from '../../../core/result.js';

const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => i * 17 + 3);
function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected a value, got: ${r.error.message}`);
  return r.value;
}
const base: NetworkDef = { name: 'lab', ips: [], routes: [], portgroups: [] };

describe('what net-define fills in', () => {
  it('gives a managed network a UUID, the first free virbr name, STP as libvirt and a 52:54:00 MAC', () => {
    const def = value(
      fillDefaults(base, { usedBridgeNames: new Set(['virbr0', 'virbr1']), randomBytes: bytes }),
    );
    expect(def.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(def.bridge).toEqual({ name: 'virbr2', stp: 'on', delay: 0 });
    expect(def.mac?.address).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
  });

  it('keeps what the user wrote', () => {
    const given: NetworkDef = {
      ...base,
      uuid: '81ff0d90-c91e-6742-64da-4a736edb9a9b',
      bridge: { name: 'br-lab', stp: 'off', delay: 3 },
      mac: { address: '52:54:00:aa:bb:cc' },
    };
    const def = value(fillDefaults(given, { usedBridgeNames: new Set(), randomBytes: bytes }));
    expect(def.uuid).toBe(given.uuid);
    expect(def.bridge).toEqual(given.bridge);
    expect(def.mac).toEqual(given.mac);
  });

  it('expands a user template with %d', () => {
    expect(pickBridgeName('lab%d', new Set(['lab0']))).toEqual({ ok: true, value: 'lab1' });
  });

  it('never expands a template past the kernel limit of 15 bytes', () => {
    const used = new Set(Array.from({ length: 10 }, (_, i) => `bridge-of-lab-${i}`));
    expect(pickBridgeName('bridge-of-lab-%d', used)).toEqual({
      ok: false,
      error: { code: 'conflict', message: "no free bridge name for template 'bridge-of-lab-%d'" },
    });
  });

  it('refuses, as a conflict naming the network, a define whose template has no free name left', () => {
    const used = new Set(Array.from({ length: 10 }, (_, i) => `bridge-of-lab-${i}`));
    const lab = { ...base, bridge: { name: 'bridge-of-lab-%d' } };
    const filled = fillDefaults(lab, { usedBridgeNames: used, randomBytes: bytes });
    expect(filled).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        network: 'lab',
        message: "network 'lab': no free bridge name for template 'bridge-of-lab-%d'",
      },
    });
  });

  it('adds no bridge or MAC to modes Switchyard does not run', () => {
    const def = value(
      fillDefaults(
        {
          ...base,
          forward: { mode: 'bridge', interfaces: [], pfs: [], addresses: [] },
          bridge: { name: 'br0' },
        },
        { usedBridgeNames: new Set(), randomBytes: bytes },
      ),
    );
    expect(def.bridge).toEqual({ name: 'br0' });
    expect(def.mac).toBeUndefined();
  });

  it('formats MACs and UUIDs from the random bytes', () => {
    expect(randomMac(Uint8Array.from([1, 0xab, 0xff]))).toBe('52:54:00:01:ab:ff');
    expect(randomUuid(new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
  });
});

describe('the default network', () => {
  it('is 192.168.122.0/24 on virbr0 on an empty host, NAT, STP off', () => {
    const def = value(defaultNetworkDef({ subnetsInUse: [], usedBridgeNames: new Set() }));
    expect(def.forward?.mode).toBe('nat');
    expect(def.bridge).toEqual({ name: 'virbr0', stp: 'off', delay: 0 });
    expect(def.dnsmasqOptions).toEqual([{ value: 'no-ping' }]);
    expect(def.ips[0]).toEqual({
      address: '192.168.122.1',
      netmask: '255.255.255.0',
      dhcp: { ranges: [{ start: '192.168.122.2', end: '192.168.122.254' }], hosts: [] },
    });
  });

  it('moves to the first free subnet and bridge name when those are taken', () => {
    const used = [parseCidr('192.168.122.0/24'), parseCidr('192.168.123.0/24')].filter(
      (c) => c !== undefined,
    );
    const def = value(defaultNetworkDef({ subnetsInUse: used, usedBridgeNames: new Set(['virbr0']) }));
    expect(def.bridge?.name).toBe('virbr1');
    expect(def.ips[0]?.address).toBe('192.168.124.1');
  });

  it('is a conflict naming what is in use when no private subnet is free', () => {
    const all = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']
      .map(parseCidr)
      .filter((c) => c !== undefined);
    const def = defaultNetworkDef({ subnetsInUse: all, usedBridgeNames: new Set() });
    expect(def).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        network: 'default',
        message:
          'no free private IPv4 subnet for the default network (in use: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)',
      },
    });
  });
});
