import { describe, expect, it } from 'vitest';
import type { NetworkDef } from '../../../core/model/network.js';
import { at, messages, natMessages, natNetwork, poolNetwork } from './network-fixture.js';

const pool = (mode: Parameters<typeof poolNetwork>[0], change: (d: NetworkDef) => void) => {
  const d = poolNetwork(mode);
  change(d);
  return messages(d);
};

describe('nat, route and open modes', () => {
  it.each(['nat', 'route', 'open'] as const)('%s needs an <ip>', (mode) => {
    const messagesFor = natMessages((d) => {
      d.forward!.mode = mode;
      d.ips = [];
    });
    expect(messagesFor).toEqual([
      `network 'lab': <forward mode='${mode}'> (line 4:3) needs at least one <ip>: a ${mode} network routes to its own subnet`,
    ]);
  });
  it('treats <forward> without mode as nat', () => {
    expect(
      natMessages((d) => {
        delete d.forward!.mode;
        d.ips = [];
      }),
    ).toEqual([
      "network 'lab': <forward> (line 4:3) needs at least one <ip>: a nat network routes to its own subnet",
    ]);
  });
  it('allows one forward device but not two', () => {
    expect(natMessages((d) => (d.forward!.dev = 'eth1'))).toEqual([]);
    expect(natMessages((d) => (d.forward!.interfaces = [{ dev: 'eth1' }, { dev: 'eth2' }]))).toEqual([
      "network 'lab': <forward mode='nat'> (line 4:3) may name only one forward device, not 2",
    ]);
  });
  it('rejects a forward device in open mode', () => {
    expect(
      natMessages((d) => {
        d.forward!.mode = 'open';
        d.forward!.dev = 'eth1';
      }),
    ).toEqual([
      "network 'lab': <forward mode='open' dev='eth1'> (line 4:3) may not name a forward device: mode='open' places no restriction on traffic",
    ]);
  });
  it('allows an isolated network without <ip> and with an MTU', () => {
    const d = natNetwork();
    delete d.forward;
    d.ips = [];
    d.mtu = { size: 9000 };
    expect(messages(d)).toEqual([]);
  });
});

describe('device-pool modes', () => {
  it('accepts mode=bridge with a host bridge name and bandwidth', () => {
    expect(
      pool('bridge', (d) => {
        d.bridge = { name: 'br0' };
        d.bandwidth = { inbound: { average: 1000 } };
      }),
    ).toEqual([]);
  });
  it.each(['private', 'vepa', 'passthrough', 'hostdev'] as const)('%s may not name a bridge', (mode) => {
    expect(pool(mode, (d) => (d.bridge = { at: at(5), name: 'br0', macTableManager: 'libvirt' }))).toEqual([
      `network 'pool': <bridge name='br0' macTableManager='libvirt'> (line 5:3) may not set name, macTableManager with <forward mode='${mode}'>`,
    ]);
  });
  it('rejects stp, delay and zone on a host bridge', () => {
    expect(pool('bridge', (d) => (d.bridge = { at: at(5), name: 'br0', stp: 'on' }))).toEqual([
      "network 'pool': <bridge stp='on'> (line 5:3) may not set stp, delay or zone with <forward mode='bridge'>: only nat, route, open and isolated networks have their own bridge",
    ]);
    expect(pool('bridge', (d) => (d.bridge = { name: 'br0', delay: 0 }))).toEqual([]);
  });
  it('rejects a bridge name together with forward devices', () => {
    expect(
      pool('bridge', (d) => {
        d.bridge = { name: 'br0' };
        d.forward!.interfaces = [{ dev: 'eth0' }];
      }),
    ).toEqual([
      "network 'pool': <forward mode='bridge'> (line 4:3) may name a bridge or forward devices, not both (bridge 'br0')",
    ]);
  });
  it.each<[string, (d: NetworkDef) => void, string]>([
    [
      'mtu',
      (d) => (d.mtu = { size: 9000, at: at(6) }),
      "<mtu size='9000'> (line 6:3) is not supported with <forward mode='vepa'>: only nat, route, open and isolated networks set an MTU",
    ],
    [
      'mac',
      (d) => (d.mac = { address: '52:54:00:00:00:01', at: at(6) }),
      "<mac address='52:54:00:00:00:01'> (line 6:3) is not supported with <forward mode='vepa'>: only nat, route, open and isolated networks have a MAC",
    ],
    [
      'dns records',
      (d) => (d.dns = { at: at(6), forwarders: [], txts: [{ name: 'a', value: 'b' }], hosts: [], srvs: [] }),
      "<dns> (line 6:3) records are not supported with <forward mode='vepa'>: only nat, route, open and isolated networks run DNS",
    ],
    [
      'domain',
      (d) => (d.domain = { name: 'lab', at: at(6) }),
      "<domain name='lab'> (line 6:3) is not supported with <forward mode='vepa'>: only nat, route, open and isolated networks run DNS",
    ],
    [
      'bandwidth',
      (d) => (d.bandwidth = { at: at(6), outbound: { average: 10 } }),
      "<bandwidth> (line 6:3) is not supported with <forward mode='vepa'>",
    ],
    [
      'portgroup bandwidth',
      (d) => d.portgroups.push({ name: 'pg', at: at(6), bandwidth: { outbound: { average: 10 } } }),
      "<bandwidth> (line 6:3) in <portgroup name='pg'> is not supported with <forward mode='vepa'>",
    ],
  ])('rejects %s in vepa mode', (_label, change, message) => {
    expect(pool('vepa', change)).toEqual([`network 'pool': ${message}`]);
  });
  it('rejects, as libvirt >= 10 validation does, an <ip> beside a <pf> and a PCI address in passthrough mode', () => {
    expect(
      pool('passthrough', (d) => {
        d.forward!.pfs = [{ dev: 'eth0' }];
        d.ips.push({ address: '192.168.122.1', netmask: '255.255.255.0', at: at(6) });
      }),
    ).toEqual([
      "network 'pool': <ip address='192.168.122.1'> (line 6:3) is not supported with <forward mode='passthrough'>: only nat, route, open and isolated networks have addresses",
    ]);
    const address = { type: 'pci', domain: '0x0000', bus: '0x11', slot: '0x10', function: '0x1', at: at(6) };
    expect(pool('passthrough', (d) => d.forward!.addresses.push(address))).toEqual([
      "network 'pool': <address type='pci' domain='0x0000' bus='0x11' slot='0x10' function='0x1'> (line 6:3) lists a device by PCI address, which only <forward mode='hostdev'> pools do, not mode='passthrough'",
    ]);
  });
  it('rejects network devices in a hostdev pool', () => {
    expect(pool('hostdev', (d) => (d.forward!.interfaces = [{ dev: 'eth1' }]))).toEqual([
      "network 'pool': <forward mode='hostdev'> (line 4:3) lists network devices, but a hostdev pool lists devices by PCI <address>",
    ]);
  });
});
