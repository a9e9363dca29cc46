// The subnet an <ip> element describes, with libvirt's defaults for missing
// netmask/prefix (virSocketAddrGetIPPrefix).
import type { IpDef } from '../model/network.js';
import { type Cidr, classfulPrefix, networkOf, prefixFromNetmask } from './cidr.js';
import { familyBits, parseIp } from './ip.js';

/** Default prefix of an IPv6 <ip> without prefix=, as libvirt uses. */
export const IPV6_DEFAULT_PREFIX = 64;

export function ipDefPrefix(ip: Pick<IpDef, 'address' | 'netmask' | 'prefix'>): number | undefined {
  // libvirt stores prefix as unsigned with 0 meaning "not given", so prefix='0' falls through too.
  if (ip.prefix !== undefined && ip.prefix > 0) return ip.prefix;
  if (ip.netmask !== undefined) {
    const mask = parseIp(ip.netmask);
    return mask ? prefixFromNetmask(mask) : undefined;
  }
  const address = ip.address === undefined ? undefined : parseIp(ip.address);
  if (!address) return undefined;
  // The wildcard (0.0.0.0 or ::) is the whole space, as for a default route.
  if (address.value === 0n) return 0;
  return address.family === 4 ? classfulPrefix(address) : IPV6_DEFAULT_PREFIX;
}

/** The network (address masked to the prefix) of an <ip>, or undefined when it has none. */
export function ipDefCidr(ip: Pick<IpDef, 'address' | 'netmask' | 'prefix'>): Cidr | undefined {
  const own = ipDefInterface(ip);
  return own && { address: networkOf(own.address, own.prefix), prefix: own.prefix };
}

/** The <ip>'s own address with its prefix (the host side of the bridge). */
export function ipDefInterface(ip: Pick<IpDef, 'address' | 'netmask' | 'prefix'>): Cidr | undefined {
  const address = ip.address === undefined ? undefined : parseIp(ip.address);
  const prefix = ipDefPrefix(ip);
  if (!address || prefix === undefined || prefix > familyBits(address.family)) return undefined;
  return { address, prefix };
}
