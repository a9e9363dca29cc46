import { describe, expect, it } from 'vitest';
import type { IpDef } from '../../../core/model/network.js';
import { at, natMessages } from './network-fixture.js';

const withIp = (ip: IpDef) => natMessages((d) => d.ips.push(ip));

describe('<ip> rules', () => {
  it('accepts the usual shapes', () => {
    expect(withIp({ at: at(20), address: '10.1.0.1', prefix: 16 })).toEqual([]);
    expect(withIp({ at: at(20), family: 'ipv4', address: '10.24.10.1' })).toEqual([]);
    expect(withIp({ at: at(20), family: 'ipv6', address: 'fd00::1', prefix: 64 })).toEqual([]);
    expect(withIp({ at: at(20), family: 'ipv6', address: 'fd00::1' })).toEqual([]);
    // localPtr wants whole reverse-zone labels: a netmask on an octet, IPv6's default /64
    expect(withIp({ at: at(20), address: '10.1.0.1', netmask: '255.255.0.0', localPtr: 'yes' })).toEqual([]);
    expect(withIp({ at: at(20), family: 'ipv6', address: 'fd00::1', localPtr: 'yes' })).toEqual([]);
    // prefix='0' is "not given" to libvirt, so it may stand beside a netmask
    expect(withIp({ at: at(20), address: '10.1.0.1', netmask: '255.255.0.0', prefix: 0 })).toEqual([]);
  });
  it.each<[string, IpDef, string]>([
    ['missing address', { at: at(20) }, '<ip> (line 20:3) has no address attribute'],
    [
      'bad address',
      { at: at(20), address: '10.1.0' },
      "<ip address='10.1.0'> (line 20:3) address '10.1.0' is not a valid IP address",
    ],
    [
      'IPv6 without family',
      { at: at(20), address: 'fd00::1', prefix: 64 },
      "<ip address='fd00::1' prefix='64'> (line 20:3) has an IPv6 address but no family='ipv6'",
    ],
    [
      'ipv4 family, IPv6 address',
      { at: at(20), family: 'ipv4', address: 'fd00::1' },
      "<ip family='ipv4' address='fd00::1'> (line 20:3) has family='ipv4' but an IPv6 address",
    ],
    [
      'ipv6 family, IPv4 address',
      { at: at(20), family: 'ipv6', address: '10.1.0.1' },
      "<ip family='ipv6' address='10.1.0.1'> (line 20:3) has family='ipv6' but an IPv4 address",
    ],
    [
      'bad netmask',
      { at: at(20), address: '10.1.0.1', netmask: '255.255.0' },
      "<ip address='10.1.0.1' netmask='255.255.0'> (line 20:3) netmask '255.255.0' is not a valid IPv4 netmask",
    ],
    [
      'IPv6 netmask on IPv4',
      { at: at(20), address: '10.1.0.1', netmask: 'ffff::' },
      "<ip address='10.1.0.1' netmask='ffff::'> (line 20:3) netmask 'ffff::' must be IPv4 like the address",
    ],
    [
      'netmask and prefix',
      { at: at(20), address: '10.1.0.1', netmask: '255.255.0.0', prefix: 16 },
      "<ip address='10.1.0.1' netmask='255.255.0.0' prefix='16'> (line 20:3) may have a netmask or a prefix, not both",
    ],
    [
      'non-contiguous netmask',
      { at: at(20), address: '10.1.0.1', netmask: '255.0.255.0' },
      "<ip address='10.1.0.1' netmask='255.0.255.0'> (line 20:3) netmask '255.0.255.0' is not contiguous (its one bits must come first)",
    ],
    [
      'IPv4 prefix too long',
      { at: at(20), address: '10.1.0.1', prefix: 33 },
      "<ip address='10.1.0.1' prefix='33'> (line 20:3) prefix 33 is out of range (0-32 for IPv4)",
    ],
    [
      'localPtr on an IPv4 prefix that splits an octet',
      { at: at(20), address: '10.77.16.1', prefix: 20, localPtr: 'yes' },
      "<ip address='10.77.16.1' prefix='20'> (line 20:3) localPtr='yes' needs a prefix that is a multiple of 8 (one octet per reverse-zone label), not 20",
    ],
    [
      'localPtr on an IPv6 prefix that splits a hex digit',
      { at: at(20), family: 'ipv6', address: 'fd00::1', prefix: 62, localPtr: 'yes' },
      "<ip family='ipv6' address='fd00::1' prefix='62'> (line 20:3) localPtr='yes' needs a prefix that is a multiple of 4 (one hex digit per reverse-zone label), not 62",
    ],
    [
      'classless address without prefix',
      { at: at(20), address: '224.0.0.1' },
      "<ip address='224.0.0.1'> (line 20:3) has neither netmask nor prefix, and the address is not class A, B or C to imply one",
    ],
    [
      'IPv6 netmask',
      { at: at(20), family: 'ipv6', address: 'fd00::1', netmask: 'ffff::' },
      "<ip family='ipv6' address='fd00::1' netmask='ffff::'> (line 20:3) may not have a netmask: IPv6 uses prefix",
    ],
    [
      'IPv6 prefix too long',
      { at: at(20), family: 'ipv6', address: 'fd00::1', prefix: 129 },
      "<ip family='ipv6' address='fd00::1' prefix='129'> (line 20:3) prefix 129 is out of range (0-128 for IPv6)",
    ],
    [
      'tftp on IPv6',
      {
        at: at(20),
        family: 'ipv6',
        address: 'fd00::1',
        prefix: 64,
        tftp: { root: '/srv/tftp', at: at(21, 5) },
      },
      "<tftp root='/srv/tftp'> (line 21:5) is only supported in an IPv4 <ip>",
    ],
  ])('rejects %s', (_label, ip, message) => {
    expect(withIp(ip)).toEqual([`network 'lab': ${message}`]);
  });
  it('accepts tftp on IPv4', () => {
    expect(withIp({ at: at(20), address: '10.1.0.1', prefix: 16, tftp: { root: '/srv/tftp' } })).toEqual([]);
  });
});
