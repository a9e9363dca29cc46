// The guest subnets of a network, per family, as nft prefixes (network address/len).
import { type Cidr, formatCidr } from '../addr/cidr.js';
import { ipDefCidr } from '../addr/ip-def.js';
import type { NetworkDef } from '../model/network.js';

export interface Subnet {
  /** nft's address-family keyword for matching it: 'ip' or 'ip6'. */
  proto: 'ip' | 'ip6';
  /** e.g. 192.168.122.0/24 */
  prefix: string;
}

export function subnetsOf(def: Pick<NetworkDef, 'ips'>): Subnet[] {
  return def.ips
    .map((ip) => ipDefCidr(ip))
    .filter((net): net is Cidr => net !== undefined)
    .map((net) => ({ proto: net.address.family === 4 ? 'ip' : 'ip6', prefix: formatCidr(net) }));
}
