// The postrouting NAT chain of a NAT network: each guest subnet leaving for
// elsewhere is masqueraded behind the host's address (or SNATed to <nat><address>),
// TCP/UDP source ports mapped into the <nat><port> range (1024-65535 by default, so
// guests never get privileged source ports). Link-local multicast and broadcast
// never leave the link, and traffic staying inside the subnet is not NATed.
import { formatIp, parseIpv4 } from '../addr/ip.js';
import { effectiveMode, type NetworkDef } from '../model/network.js';
import { natTreatment } from './forward-rules.js';
import { type RuleContext, rule } from './rule-context.js';
import type { Subnet } from './subnets.js';

/** libvirt's default <nat><port> range; the live XML of a NAT network shows it too. */
export const DEFAULT_NAT_PORTS = { start: 1024, end: 65535 } as const;

export function natRules(def: NetworkDef, ctx: RuleContext): string[] {
  if (effectiveMode(def) !== 'nat') return [];
  return ctx.subnets.filter((s) => natTreatment(def, s) === 'nat').flatMap((s) => subnetNat(def, ctx, s));
}

function subnetNat(def: NetworkDef, ctx: RuleContext, subnet: Subnet): string[] {
  const { proto, prefix } = subnet;
  const out = ctx.uplink && `oifname ${ctx.uplink}`;
  const leaving = [out, `${proto} saddr ${prefix}`, `${proto} daddr != ${prefix}`];
  const nat = def.forward?.nat;
  const ports = `${nat?.portStart ?? DEFAULT_NAT_PORTS.start}-${nat?.portEnd ?? DEFAULT_NAT_PORTS.end}`;
  const target = translation(def, proto);
  return [
    ...linkLocalDestinations(proto).map((dest) =>
      rule([out, `${proto} saddr ${prefix}`, `${proto} daddr ${dest}`], 'return', 'stays on the link'),
    ),
    rule(['meta l4proto tcp', ...leaving], `${target.verdict}${target.portSep}${ports}`, 'guests out, tcp'),
    rule(['meta l4proto udp', ...leaving], `${target.verdict}${target.portSep}${ports}`, 'guests out, udp'),
    rule(leaving, target.verdict, 'guests out, other'),
  ];
}

/** libvirt's exclusions: 224.0.0.0/24 and broadcast for IPv4, ff02::/16 for IPv6. */
function linkLocalDestinations(proto: Subnet['proto']): string[] {
  return proto === 'ip' ? ['224.0.0.0/24', '255.255.255.255'] : ['ff02::/16'];
}

/** <nat><address start end> (IPv4 only) pins the source address; otherwise masquerade. */
function translation(def: NetworkDef, proto: Subnet['proto']): { verdict: string; portSep: string } {
  const nat = def.forward?.nat;
  if (proto === 'ip' && nat?.addressStart) {
    const start = ipv4Literal(nat.addressStart);
    const range = nat.addressEnd ? `${start}-${ipv4Literal(nat.addressEnd)}` : start;
    return { verdict: `snat ip to ${range}`, portSep: ':' };
  }
  return { verdict: 'masquerade', portSep: ' to :' };
}

function ipv4Literal(text: string): string {
  const addr = parseIpv4(text);
  if (!addr) throw new Error(`firewall: <nat><address> ${JSON.stringify(text)} is not an IPv4 address`);
  return formatIp(addr);
}
