// The reverse-DNS zone of a subnet (for localPtr='yes'): whole octets (IPv4) or
// nibbles (IPv6) of the network part, reversed. Other prefixes have no such zone.
import type { Cidr } from '../addr/cidr.js';
import { familyBits } from '../addr/ip.js';

export function ptrDomain(net: Cidr): string | undefined {
  const v4 = net.address.family === 4;
  const labelBits = v4 ? 8 : 4;
  if (net.prefix === 0 || net.prefix % labelBits !== 0) return undefined;
  const total = familyBits(net.address.family);
  const labels: string[] = [];
  for (let bit = labelBits; bit <= net.prefix; bit += labelBits) {
    const label = (net.address.value >> BigInt(total - bit)) & BigInt((1 << labelBits) - 1);
    labels.push(v4 ? label.toString(10) : label.toString(16));
  }
  return `${labels.reverse().join('.')}.${v4 ? 'in-addr.arpa' : 'ip6.arpa'}`;
}
