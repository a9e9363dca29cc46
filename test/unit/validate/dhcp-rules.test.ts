import { describe, expect, it } from 'vitest';
import type { DhcpHost, DhcpRange, NetworkDef } from '../../../core/model/network.js';
import type { RuleId } from '../../../core/validate/rule-ids.js';
import { at, natMessages, natRules } from './network-fixture.js';

const dhcpOf = (d: NetworkDef) => d.ips[0]!.dhcp!;
const withRange = (range: Omit<DhcpRange, 'at'>) =>
  natMessages((d) => {
    dhcpOf(d).ranges = [{ at: at(8, 7), ...range }];
  });
const withHost = (host: Omit<DhcpHost, 'at'>) =>
  natMessages((d) => dhcpOf(d).hosts.push({ at: at(10, 7), ...host }));
const v6Network = (change: (d: NetworkDef) => void) =>
  natMessages((d) => {
    d.ips.push({
      at: at(20),
      family: 'ipv6',
      address: 'fd00::1',
      prefix: 64,
      dhcp: { at: at(21, 5), ranges: [], hosts: [] },
    });
    change(d);
  });
const v6Dhcp = (d: NetworkDef) => d.ips[1]!.dhcp!;

describe('<range>', () => {
  it.each<[RuleId, Omit<DhcpRange, 'at'>]>([
    ['dhcp.range-address-invalid', { start: '10.0.0.x', end: '10.0.0.9' }],
    ['dhcp.range-family-mismatch', { start: 'fd00::2', end: 'fd00::9' }],
    ['dhcp.range-outside-subnet', { start: '10.0.0.2', end: '10.0.1.9' }],
    ['dhcp.range-network-address', { start: '10.0.0.0', end: '10.0.0.9' }],
    ['dhcp.range-broadcast-address', { start: '10.0.0.2', end: '10.0.0.255' }],
    ['dhcp.range-reversed', { start: '10.0.0.9', end: '10.0.0.2' }],
  ])('refuses by rule %s: %j', (rule, range) => {
    expect(natRules((d) => (dhcpOf(d).ranges = [{ at: at(8, 7), ...range }]))).toEqual([rule]);
  });
  it.each<[string, Omit<DhcpRange, 'at'>, string]>([
    ['bad start', { start: '10.0.0.x', end: '10.0.0.9' }, "start '10.0.0.x' is not a valid IP address"],
    ['bad end', { start: '10.0.0.2', end: '' }, "end '' is not a valid IP address"],
    [
      'mixed families',
      { start: '10.0.0.2', end: 'fd00::9' },
      'has a start and an end of different address families',
    ],
    ['wrong family', { start: 'fd00::2', end: 'fd00::9' }, 'is not in the address family of 10.0.0.0/24'],
    ['outside the subnet', { start: '10.0.0.2', end: '10.0.1.9' }, 'is not entirely within 10.0.0.0/24'],
    [
      'network address',
      { start: '10.0.0.0', end: '10.0.0.9' },
      'starts at the network address of 10.0.0.0/24',
    ],
    [
      'broadcast address',
      { start: '10.0.0.2', end: '10.0.0.255' },
      'ends at the broadcast address of 10.0.0.0/24',
    ],
    ['reversed', { start: '10.0.0.9', end: '10.0.0.2' }, 'is reversed: start comes after end'],
  ])('rejects %s', (_label, range, text) => {
    expect(withRange(range)).toEqual([
      `network 'lab': <range start='${range.start}' end='${range.end}'> (line 8:7) ${text}`,
    ]);
  });
  it('rejects a range larger than 65535 addresses (start and end outside one /16)', () => {
    const messages = natMessages((d) => {
      d.ips[0]!.netmask = '255.0.0.0';
      dhcpOf(d).ranges = [{ at: at(8, 7), start: '10.0.255.1', end: '10.1.0.5' }];
    });
    expect(messages).toEqual([
      "network 'lab': <range start='10.0.255.1' end='10.1.0.5'> (line 8:7) is too large (more than 65535 addresses)",
    ]);
  });
  it('rejects a full 65536-address block that libvirt would let through', () => {
    const messages = natMessages((d) => {
      d.ips[0]!.netmask = '255.252.0.0';
      dhcpOf(d).ranges = [{ at: at(8, 7), start: '10.1.0.0', end: '10.1.255.255' }];
    });
    expect(messages).toEqual([
      "network 'lab': <range start='10.1.0.0' end='10.1.255.255'> (line 8:7) is too large (more than 65535 addresses)",
    ]);
  });
  it('accepts a one-address range and a whole /16 range', () => {
    expect(withRange({ start: '10.0.0.5', end: '10.0.0.5' })).toEqual([]);
    const messages = natMessages((d) => {
      d.ips[0]!.netmask = '255.255.0.0';
      dhcpOf(d).ranges = [{ at: at(8, 7), start: '10.0.0.1', end: '10.0.255.254' }];
    });
    expect(messages).toEqual([]);
  });
  it('checks IPv6 ranges against the IPv6 subnet, without network/broadcast rules', () => {
    expect(v6Network((d) => v6Dhcp(d).ranges.push({ start: 'fd00::', end: 'fd00::fffe' }))).toEqual([]);
    expect(
      v6Network((d) => v6Dhcp(d).ranges.push({ at: at(22, 7), start: 'fd00::2', end: 'fd01::9' })),
    ).toEqual([
      "network 'lab': <range start='fd00::2' end='fd01::9'> (line 22:7) is not entirely within fd00::/64",
    ]);
    expect(v6Network((d) => v6Dhcp(d).ranges.push({ start: 'fd00::1:0', end: 'fd00::2:0' }))).toEqual([
      "network 'lab': <range start='fd00::1:0' end='fd00::2:0'> is too large (more than 65535 addresses)",
    ]);
  });
  it('rejects leases shorter than two minutes', () => {
    const lease = (expiry: number, unit?: 'seconds' | 'minutes' | 'hours') =>
      withRange({
        start: '10.0.0.2',
        end: '10.0.0.9',
        lease: unit ? { at: at(9, 9), expiry, unit } : { at: at(9, 9), expiry },
      });
    expect(lease(0)).toEqual([]);
    expect(lease(2)).toEqual([]);
    expect(lease(120, 'seconds')).toEqual([]);
    expect(lease(1, 'hours')).toEqual([]);
    expect(lease(1)).toEqual([
      "network 'lab': <lease expiry='1'> (line 9:9) is shorter than the minimum lease time of 2 minutes",
    ]);
    expect(lease(119, 'seconds')).toEqual([
      "network 'lab': <lease expiry='119' unit='seconds'> (line 9:9) is shorter than the minimum lease time of 2 minutes",
    ]);
  });
});

describe('<host>', () => {
  it('accepts a host known by name only (IPv4)', () => {
    expect(withHost({ name: 'vm2', ip: '10.0.0.11' })).toEqual([]);
  });
  it.each<[string, Omit<DhcpHost, 'at'>, string]>([
    [
      'bad mac',
      { mac: '52:54:00:00:00', ip: '10.0.0.11' },
      "mac '52:54:00:00:00' is not a valid MAC address",
    ],
    [
      'multicast mac',
      { mac: '01:00:5e:00:00:01', ip: '10.0.0.11' },
      "mac '01:00:5e:00:00:01' is a multicast address; a host needs a unicast MAC",
    ],
    [
      'bad id characters',
      { id: '0:1:xx', name: 'a', ip: '10.0.0.11' },
      "id '0:1:xx' may contain only hex digits and ':'",
    ],
    [
      'bad name start',
      { mac: '52:54:00:00:00:02', name: '-vm', ip: '10.0.0.11' },
      "name '-vm' must start with a letter or digit",
    ],
    ['bad ip', { mac: '52:54:00:00:00:02', ip: '10.0.0.300' }, "ip '10.0.0.300' is not a valid IP address"],
    ['neither mac nor name', { id: '01:02', ip: '10.0.0.11' }, 'needs a mac or name attribute'],
    ['no ip', { mac: '52:54:00:00:00:02' }, 'has no ip attribute'],
    [
      'ip outside the subnet',
      { mac: '52:54:00:00:00:02', ip: '10.0.1.11' },
      "ip '10.0.1.11' is not within 10.0.0.0/24",
    ],
    [
      'ip of another family',
      { mac: '52:54:00:00:00:02', ip: 'fd00::2' },
      "ip 'fd00::2' is not within 10.0.0.0/24",
    ],
    [
      "the network's own address (the guests' gateway)",
      { mac: '52:54:00:00:00:02', ip: '10.0.0.1' },
      "ip '10.0.0.1' is the network's own address: the host holds it as the guests' gateway",
    ],
    [
      'the network address',
      { mac: '52:54:00:00:00:02', ip: '10.0.0.0' },
      "ip '10.0.0.0' is the network address of 10.0.0.0/24",
    ],
    [
      'the broadcast address',
      { mac: '52:54:00:00:00:02', ip: '10.0.0.255' },
      "ip '10.0.0.255' is the broadcast address of 10.0.0.0/24",
    ],
    [
      'duplicate mac',
      { mac: '52:54:00:00:00:1', ip: '10.0.0.11' },
      "repeats mac '52:54:00:00:00:1' of an earlier <host>",
    ],
    [
      'duplicate ip',
      { mac: '52:54:00:00:00:02', ip: '10.0.0.10' },
      "repeats ip '10.0.0.10' of an earlier <host>",
    ],
  ])('rejects %s', (_label, host, text) => {
    const attrs = (['mac', 'id', 'name', 'ip'] as const)
      .filter((k) => host[k] !== undefined)
      .map((k) => ` ${k}='${host[k]}'`)
      .join('');
    expect(withHost(host)).toEqual([`network 'lab': <host${attrs}> (line 10:7) ${text}`]);
  });
  it('applies the IPv6 host rules', () => {
    const add = (host: Omit<DhcpHost, 'at'>) =>
      v6Network((d) => v6Dhcp(d).hosts.push({ at: at(22, 7), ...host }));
    expect(add({ id: '0:3:0:1:0:16:3e:11:22:33', ip: 'fd00::20' })).toEqual([]);
    expect(add({ name: 'paul', ip: 'fd00::21' })).toEqual([]);
    expect(add({ mac: '52:54:00:00:00:02', name: 'a', ip: 'fd00::21' })).toEqual([
      "network 'lab': <host mac='52:54:00:00:00:02' name='a' ip='fd00::21'> (line 22:7) may not have a mac in an IPv6 <ip>: IPv6 hosts are matched by id or name",
    ]);
    expect(add({ name: 'gw', ip: 'fd00::1' })).toEqual([
      "network 'lab': <host name='gw' ip='fd00::1'> (line 22:7) ip 'fd00::1' is the network's own address: the host holds it as the guests' gateway",
    ]);
    expect(add({ ip: 'fd00::21' })).toEqual([
      "network 'lab': <host ip='fd00::21'> (line 22:7) needs an id or name attribute",
    ]);
  });
});

describe('<host> repeats across many hosts', () => {
  const hostAt = (i: number, host: Omit<DhcpHost, 'at'>): DhcpHost => ({ at: at(100 + i, 7), ...host });
  const many = (count: number): DhcpHost[] =>
    Array.from({ length: count }, (_, i) =>
      hostAt(i, {
        mac: `52:54:00:00:${(i >> 8).toString(16)}:${(i & 0xff).toString(16)}`,
        ip: `10.0.0.${i + 2}`,
      }),
    );
  const withHosts = (hosts: DhcpHost[]) => natMessages((d) => (dhcpOf(d).hosts = hosts));

  it('accepts hundreds of distinct hosts', () => {
    expect(withHosts(many(250))).toEqual([]);
  });
  it('reports each later repeat, in host order, with the address as libvirt prints it', () => {
    const hosts = many(200);
    hosts.push(hostAt(300, { mac: '52:54:00:00:0:5', ip: '10.0.0.250' }));
    hosts.push(hostAt(301, { mac: '52:54:00:00:ff:01', ip: '10.0.0.3' }));
    expect(withHosts(hosts)).toEqual([
      "network 'lab': <host mac='52:54:00:00:0:5' ip='10.0.0.250'> (line 400:7) repeats mac '52:54:00:00:0:5' of an earlier <host>",
      "network 'lab': <host mac='52:54:00:00:ff:01' ip='10.0.0.3'> (line 401:7) repeats ip '10.0.0.3' of an earlier <host>",
    ]);
  });
  it('lets a host that repeats a mac not claim its ip', () => {
    const hosts = [
      hostAt(0, { mac: '52:54:00:00:00:01', ip: '10.0.0.2' }),
      hostAt(1, { mac: '52:54:00:00:00:01', ip: '10.0.0.3' }),
      hostAt(2, { mac: '52:54:00:00:00:02', ip: '10.0.0.3' }),
    ];
    expect(withHosts(hosts)).toEqual([
      "network 'lab': <host mac='52:54:00:00:00:01' ip='10.0.0.3'> (line 101:7) repeats mac '52:54:00:00:00:01' of an earlier <host>",
    ]);
  });
  it('lets a host with a problem of its own not claim its mac or ip', () => {
    const hosts = [
      hostAt(0, { mac: '52:54:00:00:00:01', name: '-bad', ip: '10.0.0.2' }),
      hostAt(1, { mac: '52:54:00:00:00:01', ip: '10.0.0.2' }),
    ];
    expect(withHosts(hosts)).toEqual([
      "network 'lab': <host mac='52:54:00:00:00:01' name='-bad' ip='10.0.0.2'> (line 100:7) name '-bad' must start with a letter or digit",
    ]);
  });
  it('finds repeated IPv6 addresses however they are spelled', () => {
    const messages = v6Network((d) =>
      v6Dhcp(d).hosts.push(
        { at: at(22, 7), name: 'a', ip: 'fd00::20' },
        { at: at(23, 7), name: 'b', ip: 'fd00:0:0:0:0:0:0:20' },
      ),
    );
    expect(messages).toEqual([
      "network 'lab': <host name='b' ip='fd00:0:0:0:0:0:0:20'> (line 23:7) repeats ip 'fd00::20' of an earlier <host>",
    ]);
  });
});

describe('values quoted in messages', () => {
  it('does not echo a 3 MiB attribute value whole', () => {
    const name = `-${'x'.repeat(3 * 1024 * 1024)}`;
    const [message] = withHost({ mac: '52:54:00:00:00:02', name, ip: '10.0.0.11' });
    const shown = `-${'x'.repeat(63)}…`;
    expect(message).toBe(
      `network 'lab': <host mac='52:54:00:00:00:02' name='${shown}' ip='10.0.0.11'> (line 10:7) name '${shown}' must start with a letter or digit`,
    );
  });
});

describe('<bootp> and DHCP per family', () => {
  it('accepts bootp on IPv4 and checks its server', () => {
    expect(natMessages((d) => (dhcpOf(d).bootp = { file: 'pxelinux.0', server: '10.0.0.5' }))).toEqual([]);
    expect(
      natMessages((d) => (dhcpOf(d).bootp = { at: at(11, 7), file: 'pxelinux.0', server: 'tftp.lab' })),
    ).toEqual([
      "network 'lab': <bootp file='pxelinux.0' server='tftp.lab'> (line 11:7) server 'tftp.lab' is not a valid IP address",
    ]);
  });
  it('rejects bootp in an IPv6 <ip>', () => {
    expect(v6Network((d) => (v6Dhcp(d).bootp = { at: at(22, 7), file: 'boot.efi' }))).toEqual([
      "network 'lab': <bootp file='boot.efi'> (line 22:7) is only supported in an IPv4 <ip>",
    ]);
  });
  it('allows DHCP on one IPv4 and one IPv6 <ip>', () => {
    expect(v6Network((d) => v6Dhcp(d).ranges.push({ start: 'fd00::10', end: 'fd00::ff' }))).toEqual([]);
  });
  it('rejects a second IPv4 <ip> with DHCP, but not one with an empty <dhcp>', () => {
    const second = (ranges: DhcpRange[]) =>
      natMessages((d) =>
        d.ips.push({
          at: at(20),
          address: '10.0.1.1',
          prefix: 24,
          dhcp: { at: at(21, 5), ranges, hosts: [] },
        }),
      );
    expect(second([])).toEqual([]);
    expect(second([{ start: '10.0.1.2', end: '10.0.1.9' }])).toEqual([
      "network 'lab': <dhcp> (line 21:5) of address '10.0.1.1' is a second IPv4 DHCP section: DHCP is supported on only one IPv4 <ip> per network",
    ]);
  });
  it('rejects a second IPv6 <ip> with DHCP', () => {
    const messages = v6Network((d) => {
      v6Dhcp(d).ranges.push({ start: 'fd00::10', end: 'fd00::ff' });
      d.ips.push({
        at: at(30),
        family: 'ipv6',
        address: 'fd01::1',
        prefix: 64,
        dhcp: { ranges: [], hosts: [{ name: 'x', ip: 'fd01::5' }] },
      });
    });
    expect(messages).toEqual([
      "network 'lab': <dhcp> (line 30:3) of address 'fd01::1' is a second IPv6 DHCP section: DHCP is supported on only one IPv6 <ip> per network",
    ]);
  });
});
