// The 'check' step: refuse to start when the bridge name or a subnet is already
// taken, because a second route for the same subnet silently steals traffic from
// whoever had it first. libvirt compares IPv4 routes for equality only; overlap is
// the stricter test and also catches a /16 VPN route that covers our /24.
import { type Cidr, cidrsOverlap, formatCidr, parseCidr } from '../addr/cidr.js';
import { ipDefCidr } from '../addr/ip-def.js';
import type { NetworkDef } from '../model/network.js';
import type { Problem } from '../result.js';
import type { HostFacts } from './host-facts.js';

export function networkSubnets(def: NetworkDef): Cidr[] {
  return def.ips.map((ip) => ipDefCidr(ip)).filter((c): c is Cidr => c !== undefined);
}

export function checkCollisions(def: NetworkDef, bridge: string, facts: HostFacts): Problem | undefined {
  const conflict = (message: string): Problem => ({
    code: 'conflict',
    network: def.name,
    message: `network '${def.name}': ${message}`,
  });
  const otherNet = facts.activeNetworks.find((n) => n.bridge === bridge && n.name !== def.name);
  if (otherNet) return conflict(`bridge name '${bridge}' is already in use by network '${otherNet.name}'`);
  if (facts.links.includes(bridge))
    return conflict(`bridge name '${bridge}' is already in use by another interface`);
  for (const subnet of networkSubnets(def)) {
    const user = subnetUser(subnet, def.name, facts);
    if (user) return conflict(`${formatCidr(subnet)} is already in use by ${user}`);
  }
  return undefined;
}

function subnetUser(subnet: Cidr, self: string, facts: HostFacts): string | undefined {
  for (const net of facts.activeNetworks) {
    if (net.name === self) continue;
    if (net.subnets.some((s) => overlaps(s, subnet))) return `network '${net.name}'`;
  }
  const route = facts.routes.find((r) => overlaps(r.cidr, subnet));
  if (!route) return undefined;
  // The host layer may know other networks only by their bridges, whose addresses show up here.
  const owner = facts.activeNetworks.find((n) => n.bridge === route.dev && n.name !== self);
  return owner ? `network '${owner.name}'` : `interface ${route.dev}`;
}

function overlaps(text: string, subnet: Cidr): boolean {
  const other = parseCidr(text);
  // A default route (prefix 0) covers everything and says nothing about who uses a subnet.
  if (!other || other.prefix === 0 || ignoredIpv6(other)) return false;
  return cidrsOverlap(other, subnet);
}

/** Every IPv6 interface has fe80::/64 and multicast routes; they never mean a collision. */
function ignoredIpv6(c: Cidr): boolean {
  if (c.address.family !== 6) return false;
  const top = c.address.value >> 112n;
  return (top & 0xffc0n) === 0xfe80n || (top & 0xff00n) === 0xff00n;
}
