// Which <ip> elements dnsmasq serves DHCP for: the first of each family that has a
// <range> or a <host> (libvirt refuses a second one per family; validation does too).
import { type IpDef, ipFamily, type NetworkDef } from '../model/network.js';

export interface DhcpIps {
  v4?: IpDef;
  v6?: IpDef;
}

export function hasDhcp(ip: IpDef): boolean {
  return (ip.dhcp?.ranges.length ?? 0) > 0 || (ip.dhcp?.hosts.length ?? 0) > 0;
}

export function dhcpIps(def: Pick<NetworkDef, 'ips'>): DhcpIps {
  const out: DhcpIps = {};
  for (const ip of def.ips) {
    if (!hasDhcp(ip)) continue;
    if (ipFamily(ip) === 'ipv4') out.v4 ??= ip;
    else out.v6 ??= ip;
  }
  return out;
}

/** IPv4 first, then IPv6: the order of dhcp-range lines and of the hosts file. */
export function dhcpIpsInOrder(def: Pick<NetworkDef, 'ips'>): IpDef[] {
  const { v4, v6 } = dhcpIps(def);
  return [v4, v6].filter((ip): ip is IpDef => ip !== undefined);
}
