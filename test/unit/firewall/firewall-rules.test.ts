import { describe, expect, test } from 'vitest';
import {
  bridgeFromTableName,
  firewallDeleteScript,
  firewallRuleset,
  tableNameFor,
  wantsFirewall,
} from '../../../core/firewall/index.js';
import type { ForwardDef, IpDef, NetworkDef } from '../../../core/model/network.js';

const v4: IpDef = { address: '192.168.50.1', prefix: 24 };
const v6: IpDef = { family: 'ipv6', address: 'fd00:1::1', prefix: 64 };

function fwd(over: Partial<ForwardDef> = {}): ForwardDef {
  return { interfaces: [], pfs: [], addresses: [], ...over };
}

function network(over: Partial<NetworkDef> = {}): NetworkDef {
  return { name: 'lab', ips: [v4], routes: [], portgroups: [], ...over };
}

const rules = (def: NetworkDef) => firewallRuleset(def, { bridge: 'sybr0' }).split('\n');
const chainOf = (def: NetworkDef, chain: string) => {
  const l = rules(def);
  const start = l.indexOf(`\tchain ${chain} {`);
  if (start < 0) return [];
  return l.slice(start + 2, l.indexOf('\t}', start)).map((r) => r.trim());
};

describe('NAT', () => {
  const def = network({ forward: fwd({ mode: 'nat' }) });

  test('masquerades tcp/udp into 1024-65535, then everything else, not inside the subnet', () => {
    const nat = chainOf(def, 'postrouting');
    const leaving = 'ip saddr 192.168.50.0/24 ip daddr != 192.168.50.0/24 counter masquerade';
    expect(nat).toContain(`meta l4proto tcp ${leaving} to :1024-65535 comment "guests out, tcp"`);
    expect(nat).toContain(`meta l4proto udp ${leaving} to :1024-65535 comment "guests out, udp"`);
    expect(nat).toContain(`${leaving} comment "guests out, other"`);
  });

  test('local multicast and broadcast return before any masquerade', () => {
    const nat = chainOf(def, 'postrouting');
    expect(nat[0]).toMatch(/^ip saddr 192\.168\.50\.0\/24 ip daddr 224\.0\.0\.0\/24 counter return/);
    expect(nat[1]).toMatch(/ip daddr 255\.255\.255\.255 counter return/);
  });

  test('the <nat><port> range is used', () => {
    const withPorts = network({ forward: fwd({ nat: { portStart: 500, portEnd: 1000 } }) });
    expect(chainOf(withPorts, 'postrouting').filter((r) => r.includes('to :500-1000'))).toHaveLength(2);
  });

  test('<nat><address> becomes snat to that range', () => {
    const snat = network({
      forward: fwd({ nat: { addressStart: '203.0.113.5', addressEnd: '203.0.113.9' } }),
    });
    const nat = chainOf(snat, 'postrouting');
    expect(nat.filter((r) => r.includes('snat ip to 203.0.113.5-203.0.113.9:1024-65535'))).toHaveLength(2);
    expect(
      nat.some((r) => r.endsWith('snat ip to 203.0.113.5-203.0.113.9 comment "guests out, other"')),
    ).toBe(true);
    expect(nat.some((r) => r.includes('masquerade'))).toBe(false);
  });

  test('guests go out; only replies come in; everything else to or from the bridge is rejected', () => {
    expect(chainOf(def, 'forward')).toEqual([
      'iif "sybr0" oif "sybr0" counter accept comment "between guests"',
      'oif "sybr0" ip daddr 192.168.50.0/24 ct state established,related counter accept comment "replies to guests"',
      'oif "sybr0" counter reject comment "nothing else to guests"',
      'iif "sybr0" ip saddr 192.168.50.0/24 counter accept comment "guests out"',
      'iif "sybr0" counter reject comment "nothing else from guests"',
    ]);
  });

  test('IPv6 is routed, not NATed, unless <nat ipv6="yes">', () => {
    const routed6 = network({ ips: [v4, v6], forward: fwd() });
    expect(chainOf(routed6, 'forward')).toContain(
      'oif "sybr0" ip6 daddr fd00:1::/64 counter accept comment "to guests"',
    );
    expect(chainOf(routed6, 'postrouting').some((r) => r.includes('ip6'))).toBe(false);
    const nat6 = network({ ips: [v4, v6], forward: fwd({ nat: { ipv6: 'yes' } }) });
    expect(chainOf(nat6, 'forward')).toContain(
      'oif "sybr0" ip6 daddr fd00:1::/64 ct state established,related counter accept comment "replies to guests"',
    );
    expect(chainOf(nat6, 'postrouting')).toContain(
      'ip6 saddr fd00:1::/64 ip6 daddr ff02::/16 counter return comment "stays on the link"',
    );
    expect(chainOf(nat6, 'postrouting')).toContain(
      'ip6 saddr fd00:1::/64 ip6 daddr != fd00:1::/64 counter masquerade comment "guests out, other"',
    );
  });

  test('forward dev restricts the uplink in both directions and for NAT', () => {
    const dev = network({ forward: fwd({ mode: 'nat', dev: 'eth1' }) });
    const forward = chainOf(dev, 'forward');
    expect(forward).toContain(
      'iifname "eth1" oif "sybr0" ip daddr 192.168.50.0/24 ct state established,related counter accept comment "replies to guests"',
    );
    expect(forward).toContain(
      'iif "sybr0" oifname "eth1" ip saddr 192.168.50.0/24 counter accept comment "guests out"',
    );
    expect(
      chainOf(dev, 'postrouting').every(
        (r) => r.startsWith('oifname "eth1" ') || r.includes(' oifname "eth1" '),
      ),
    ).toBe(true);
  });
});

describe('other modes', () => {
  test('routed lets the subnet out and in, without conntrack', () => {
    const forward = chainOf(network({ forward: fwd({ mode: 'route' }) }), 'forward');
    expect(forward).toContain('oif "sybr0" ip daddr 192.168.50.0/24 counter accept comment "to guests"');
    expect(forward).toContain('iif "sybr0" ip saddr 192.168.50.0/24 counter accept comment "guests out"');
    expect(chainOf(network({ forward: fwd({ mode: 'route' }) }), 'postrouting')).toEqual([]);
  });

  test('isolated accepts nothing forwarded except between its own guests', () => {
    const forward = chainOf(network(), 'forward');
    expect(forward.filter((r) => r.includes(' accept '))).toEqual([
      'iif "sybr0" oif "sybr0" counter accept comment "between guests"',
    ]);
    expect(forward).toContain('iif "sybr0" counter reject comment "nothing else from guests"');
    expect(forward).toContain('oif "sybr0" counter reject comment "nothing else to guests"');
    expect(rules(network()).join('\n')).not.toContain('postrouting');
  });

  test('open and bridged modes get no table', () => {
    expect(firewallRuleset(network({ forward: fwd({ mode: 'open' }) }), { bridge: 'sybr0' })).toBe('');
    expect(firewallRuleset(network({ forward: fwd({ mode: 'bridge' }) }), { bridge: 'sybr0' })).toBe('');
    expect(wantsFirewall({ forward: fwd({ mode: 'open' }) })).toBe(false);
    expect(wantsFirewall({})).toBe(true);
  });

  test('every managed mode accepts DHCP, DNS and (with <tftp>) TFTP from the bridge, and the replies', () => {
    const def = network({ ips: [{ ...v4, tftp: { root: '/srv/tftp' } }, v6] });
    expect(chainOf(def, 'input').map((r) => r.replace(/ counter.*/, ''))).toEqual([
      'iif "sybr0" udp dport 67',
      'iif "sybr0" udp dport 547',
      'iif "sybr0" udp dport 53',
      'iif "sybr0" tcp dport 53',
      'iif "sybr0" udp dport 69',
    ]);
    expect(chainOf(def, 'output').map((r) => r.replace(/ counter.*/, ''))).toEqual([
      'oif "sybr0" udp dport 68',
      'oif "sybr0" udp dport 546',
      'oif "sybr0" udp sport 53',
      'oif "sybr0" tcp sport 53',
    ]);
  });

  test('every rule counts, every chain falls through to accept', () => {
    for (const line of rules(network({ forward: fwd() }))) {
      if (/^\t\t(iif|oif|ip|meta)/.test(line)) expect(line).toContain(' counter ');
      if (line.includes(' hook ')) expect(line).toContain('policy accept;');
    }
  });
});

describe('table and script', () => {
  test('the script replaces the table atomically', () => {
    const l = rules(network());
    const t = tableNameFor(undefined, 'sybr0');
    expect(l.slice(1, 4)).toEqual([`table inet ${t} {}`, `delete table inet ${t}`, `table inet ${t} {`]);
    expect(firewallDeleteScript(t)).toBe(`table inet ${t} {}\ndelete table inet ${t}\n`);
  });

  test('table names are plain identifiers, injective, and map back to the bridge', () => {
    const bridges = ['virbr0', 'br-lan', 'br_lan', 'br.lan', 'BR0', 'x@y'];
    const names = bridges.map((b) => tableNameFor(undefined, b));
    expect(names.every((n) => /^switchyard_[A-Za-z0-9_]+$/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(bridges.length);
    expect(names.map(bridgeFromTableName)).toEqual(bridges);
    expect(bridgeFromTableName('filter')).toBeUndefined();
  });

  test('network names with quotes never reach nft; plain ones go into the table comment', () => {
    expect(rules(network({ name: 'lab' }))).toContain('\tcomment "Switchyard network lab"');
    const evil = rules(network({ name: 'a" } ; flush ruleset ; #' })).join('\n');
    expect(evil).not.toContain('flush');
    expect(evil).not.toContain('comment "Switchyard network');
  });

  test('interface names that cannot be quoted safely are refused', () => {
    expect(() => firewallRuleset(network(), { bridge: 'br"0' })).toThrow(/interface name/);
    expect(() => firewallRuleset(network({ forward: fwd({ dev: 'eth 0' }) }), { bridge: 'br0' })).toThrow(
      /interface name/,
    );
  });
});
