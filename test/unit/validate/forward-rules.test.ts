import { describe, expect, it } from 'vitest';
import type { ForwardDef, NetworkDef } from '../../../core/model/network.js';
import { at, messages, natMessages, poolNetwork, rules } from './network-fixture.js';

const fwdOf = (d: NetworkDef): ForwardDef => d.forward!;
const pci = (
  fn: string,
  extra: Partial<{ type: string; bus: string; slot: string; domain: string }> = {},
) => ({
  at: at(6, 5),
  type: 'pci',
  domain: '0x0000',
  bus: '0x03',
  slot: '0x00',
  function: fn,
  ...extra,
});
const hostdevNetwork = (change: (d: NetworkDef) => void) => {
  const d = poolNetwork('hostdev');
  change(d);
  return d;
};
const hostdev = (change: (d: NetworkDef) => void) => messages(hostdevNetwork(change));

describe('<forward> content', () => {
  it('accepts dev matching the first interface', () => {
    expect(
      natMessages((d) => Object.assign(fwdOf(d), { dev: 'eth1', interfaces: [{ dev: 'eth1' }] })),
    ).toEqual([]);
  });
  it('rejects an unknown driver name', () => {
    expect(hostdev((d) => (fwdOf(d).driver = { name: 'xen', at: at(5, 5) }))).toEqual([
      "network 'pool': <driver name='xen'> (line 5:5) name must be 'kvm' or 'vfio'",
    ]);
  });
  it('rejects <nat> outside nat mode', () => {
    const d = natNetwork('route');
    fwdOf(d).nat = { at: at(5, 5), ipv6: 'yes' };
    expect(messages(d)).toEqual([
      "network 'lab': <nat> (line 5:5) is only allowed with <forward mode='nat'>, not mode='route'",
    ]);
  });
  it.each<[string, Partial<{ addressStart: string; addressEnd: string }>, string]>([
    [
      'start only',
      { addressStart: '10.20.30.40' },
      "<address start='10.20.30.40'> (line 5:5) needs both start and end",
    ],
    [
      'bad start',
      { addressStart: '10.20.30', addressEnd: '10.20.30.44' },
      "<address start='10.20.30' end='10.20.30.44'> (line 5:5) start '10.20.30' is not a valid IPv4 address",
    ],
    [
      'IPv6 end',
      { addressStart: '10.20.30.40', addressEnd: '::1' },
      "<address start='10.20.30.40' end='::1'> (line 5:5) end '::1' is not a valid IPv4 address",
    ],
    [
      'reversed',
      { addressStart: '10.20.30.44', addressEnd: '10.20.30.40' },
      "<address start='10.20.30.44' end='10.20.30.40'> (line 5:5) is reversed: start comes after end",
    ],
    [
      'too large',
      { addressStart: '10.20.30.40', addressEnd: '10.21.0.1' },
      "<address start='10.20.30.40' end='10.21.0.1'> (line 5:5) is too large (more than 65535 addresses)",
    ],
  ])('rejects nat address: %s', (_label, nat, message) => {
    expect(natMessages((d) => (fwdOf(d).nat = { at: at(5, 5), ...nat }))).toEqual([
      `network 'lab': ${message}`,
    ]);
  });
  it.each<[string, Partial<{ portStart: number; portEnd: number }>, string]>([
    [
      'start only',
      { portStart: 1024 },
      "<port start='1024'> (line 5:5) end is missing or out of range (0-65535)",
    ],
    [
      'start too big',
      { portStart: 70000, portEnd: 70001 },
      "<port start='70000' end='70001'> (line 5:5) start is missing or out of range (0-65535)",
    ],
    [
      'reversed',
      { portStart: 2000, portEnd: 1000 },
      "<port start='2000' end='1000'> (line 5:5) is reversed: start comes after end",
    ],
  ])('rejects nat port: %s', (_label, nat, message) => {
    expect(natMessages((d) => (fwdOf(d).nat = { at: at(5, 5), ...nat }))).toEqual([
      `network 'lab': ${message}`,
    ]);
  });
  it('accepts a sound nat address and port range', () => {
    const nat = { addressStart: '10.20.30.40', addressEnd: '10.20.30.44', portStart: 60000, portEnd: 65432 };
    expect(natMessages((d) => (fwdOf(d).nat = nat))).toEqual([]);
  });
  it('rejects dev beside <address> or <pf>', () => {
    expect(
      hostdev((d) => {
        fwdOf(d).dev = 'eth2';
        fwdOf(d).pfs = [{ dev: 'eth2' }];
      }),
    ).toEqual([
      "network 'pool': <forward mode='hostdev' dev='eth2'> (line 4:3) may not have a dev attribute when it lists <address> or <pf> elements",
    ]);
  });
  it('rejects dev that differs from the first interface', () => {
    const d = poolNetwork('private');
    Object.assign(fwdOf(d), { dev: 'eth1', interfaces: [{ dev: 'eth2', at: at(5, 5) }] });
    expect(messages(d)).toEqual([
      "network 'pool': <interface dev='eth2'> (line 5:5) must match <forward dev='eth1'>, as the first interface",
    ]);
  });
  it('rejects an interface listed twice', () => {
    const d = poolNetwork('passthrough');
    fwdOf(d).interfaces = [{ dev: 'eth10' }, { dev: 'eth11' }, { dev: 'eth10', at: at(7, 5) }];
    expect(messages(d)).toEqual(["network 'pool': <interface dev='eth10'> (line 7:5) is listed twice"]);
  });
  it('rejects an interface without dev', () => {
    const d = poolNetwork('vepa');
    fwdOf(d).interfaces = [{ dev: '', at: at(5, 5) }];
    expect(messages(d)).toEqual(["network 'pool': <interface dev=''> (line 5:5) needs a dev attribute"]);
  });
  it('accepts a hostdev pool of distinct PCI addresses', () => {
    expect(hostdev((d) => (fwdOf(d).addresses = [pci('0x1'), pci('0x2'), pci('3')]))).toEqual([]);
  });
  it('rejects the same PCI address twice, however it is spelled', () => {
    expect(hostdev((d) => (fwdOf(d).addresses = [pci('0x1'), pci('01', { bus: '3' })]))).toEqual([
      "network 'pool': <address type='pci' domain='0x0000' bus='3' slot='0x00' function='01'> (line 6:5) is listed twice in the device pool",
    ]);
  });
  it.each<[string, ReturnType<typeof pci>, string]>([
    ['type', pci('0x1', { type: 'usb' }), "type 'usb' is not supported: only 'pci'"],
    ['slot range', pci('0x1', { slot: '0x20' }), "slot '0x20' is out of range (at most 0x1f)"],
    ['function range', pci('8'), "function '8' is out of range (at most 0x7)"],
    ['bus number', pci('0x1', { bus: 'zz' }), "bus 'zz' is not a number"],
  ])('rejects PCI %s', (_label, address, text) => {
    const def = hostdevNetwork((d) => (fwdOf(d).addresses = [address]));
    expect(rules(def)).toEqual(['forward.pci-address-invalid']);
    expect(messages(def)[0]?.endsWith(` (line 6:5) ${text}`)).toBe(true);
  });
  it('rejects a second <pf>', () => {
    expect(hostdev((d) => (fwdOf(d).pfs = [{ dev: 'eth2' }, { dev: 'eth3', at: at(6, 5) }]))).toEqual([
      "network 'pool': <pf dev='eth3'> (line 6:5) is a second <pf>: only one is allowed",
    ]);
  });
  it('rejects mixing <interface> and <pf>', () => {
    const d = poolNetwork('passthrough');
    fwdOf(d).interfaces = [{ dev: 'eth10' }];
    fwdOf(d).pfs = [{ dev: 'eth2' }];
    expect(messages(d)).toEqual([
      "network 'pool': <forward mode='passthrough'> (line 4:3) may list <interface>, <address> or <pf> elements, but only one kind",
    ]);
  });
});

function natNetwork(mode: 'nat' | 'route'): NetworkDef {
  const d = poolNetwork('bridge');
  d.name = 'lab';
  d.forward = { at: at(4), mode, interfaces: [], pfs: [], addresses: [] };
  d.ips = [{ at: at(6), address: '10.0.0.1', prefix: 24 }];
  return d;
}
