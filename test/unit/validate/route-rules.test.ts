import { describe, expect, it } from 'vitest';
import type { RouteDef } from '../../../core/model/network.js';
import { at, natMessages } from './network-fixture.js';

const withRoute = (route: Omit<RouteDef, 'at'>) =>
  natMessages((d) => {
    d.ips.push({ at: at(20), family: 'ipv6', address: '2001:db8:ac10:fd01::1', prefix: 64 });
    d.routes.push({ at: at(30), ...route });
  });

describe('<route>', () => {
  it('accepts routes through a gateway on one of the subnets', () => {
    expect(withRoute({ address: '192.168.222.0', netmask: '255.255.255.0', gateway: '10.0.0.10' })).toEqual(
      [],
    );
    expect(withRoute({ address: '192.168.222.0', prefix: 24, gateway: '10.0.0.10', metric: 1 })).toEqual([]);
    expect(
      withRoute({
        family: 'ipv6',
        address: '2001:db8:ac10:fc00::',
        prefix: 64,
        gateway: '2001:db8:ac10:fd01::1:24',
      }),
    ).toEqual([]);
    expect(withRoute({ address: '0.0.0.0', gateway: '10.0.0.10' })).toEqual([]);
  });
  it.each<[string, Omit<RouteDef, 'at'>, string]>([
    [
      'no address',
      { address: '', gateway: '10.0.0.10' },
      "<route address='' gateway='10.0.0.10'> (line 30:3) has no address attribute",
    ],
    [
      'no gateway',
      { address: '192.168.222.0', prefix: 24, gateway: '' },
      "<route address='192.168.222.0' prefix='24' gateway=''> (line 30:3) has no gateway attribute",
    ],
    [
      'bad address',
      { address: '192.168.222', prefix: 24, gateway: '10.0.0.10' },
      "<route address='192.168.222' prefix='24' gateway='10.0.0.10'> (line 30:3) address '192.168.222' is not a valid IP address",
    ],
    [
      'bad gateway',
      { address: '192.168.222.0', prefix: 24, gateway: 'gw' },
      "<route address='192.168.222.0' prefix='24' gateway='gw'> (line 30:3) gateway 'gw' is not a valid IP address",
    ],
    [
      'IPv6 without family',
      { address: '2001:db8::', prefix: 64, gateway: '2001:db8:ac10:fd01::2' },
      "<route address='2001:db8::' prefix='64' gateway='2001:db8:ac10:fd01::2'> (line 30:3) address '2001:db8::' is not IPv4 without family='ipv6'",
    ],
    [
      'IPv6 gateway for IPv4',
      { address: '192.168.222.0', prefix: 24, gateway: '2001:db8:ac10:fd01::2' },
      "<route address='192.168.222.0' prefix='24' gateway='2001:db8:ac10:fd01::2'> (line 30:3) gateway '2001:db8:ac10:fd01::2' is not IPv4 without family='ipv6'",
    ],
    [
      'IPv4 in ipv6 family',
      { family: 'ipv6', address: '192.168.222.0', prefix: 24, gateway: '10.0.0.10' },
      "<route family='ipv6' address='192.168.222.0' prefix='24' gateway='10.0.0.10'> (line 30:3) address '192.168.222.0' is not IPv6 with family='ipv6'",
    ],
    [
      'metric 0',
      { address: '192.168.222.0', prefix: 24, gateway: '10.0.0.10', metric: 0 },
      "<route address='192.168.222.0' prefix='24' gateway='10.0.0.10' metric='0'> (line 30:3) metric '0' must be at least 1",
    ],
    [
      'netmask and prefix',
      { address: '192.168.222.0', netmask: '255.255.255.0', prefix: 24, gateway: '10.0.0.10' },
      "<route address='192.168.222.0' netmask='255.255.255.0' prefix='24' gateway='10.0.0.10'> (line 30:3) may have a netmask or a prefix, not both",
    ],
    [
      'bad netmask',
      { address: '192.168.222.0', netmask: '255.255.255', gateway: '10.0.0.10' },
      "<route address='192.168.222.0' netmask='255.255.255' gateway='10.0.0.10'> (line 30:3) netmask '255.255.255' is not a valid IPv4 netmask",
    ],
    [
      'non-contiguous netmask',
      { address: '192.0.222.0', netmask: '255.0.255.0', gateway: '10.0.0.10' },
      "<route address='192.0.222.0' netmask='255.0.255.0' gateway='10.0.0.10'> (line 30:3) netmask '255.0.255.0' is not contiguous (its one bits must come first)",
    ],
    [
      'IPv6 netmask',
      { family: 'ipv6', address: '2001:db8::', netmask: 'ffff::', gateway: '2001:db8:ac10:fd01::2' },
      "<route family='ipv6' address='2001:db8::' netmask='ffff::' gateway='2001:db8:ac10:fd01::2'> (line 30:3) may not have a netmask: IPv6 uses prefix",
    ],
    [
      'prefix too long',
      { address: '192.168.222.0', prefix: 33, gateway: '10.0.0.10' },
      "<route address='192.168.222.0' prefix='33' gateway='10.0.0.10'> (line 30:3) prefix 33 is out of range (0-32 for IPv4)",
    ],
    [
      'host bits set',
      { address: '192.168.222.1', prefix: 24, gateway: '10.0.0.10' },
      "<route address='192.168.222.1' prefix='24' gateway='10.0.0.10'> (line 30:3) address '192.168.222.1' is not a network address for prefix 24",
    ],
    [
      'no prefix on a non-zero address',
      { address: '192.168.222.0', gateway: '10.0.0.10' },
      "<route address='192.168.222.0' gateway='10.0.0.10'> (line 30:3) address '192.168.222.0' is not a network address for prefix 0",
    ],
    [
      'unreachable gateway',
      { address: '192.168.222.0', prefix: 24, gateway: '10.0.1.10' },
      "<route address='192.168.222.0' prefix='24' gateway='10.0.1.10'> (line 30:3) gateway '10.0.1.10' has no matching ip address: it is not inside any of the network's <ip> subnets",
    ],
  ])('rejects %s', (_label, route, message) => {
    expect(withRoute(route)).toEqual([`network 'lab': ${message}`]);
  });
});
