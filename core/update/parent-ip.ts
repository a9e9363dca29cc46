// Which <ip> an ip-dhcp-host or ip-dhcp-range update changes (libvirt's
// virNetworkIPDefByIndex): the one at parentIndex, counting every family; without
// an index, the one already serving DHCP, else the first IPv4, else the first IPv6.
import { ipFamily, type NetworkDef } from '../model/network.js';
import type { Result } from '../result.js';
import { networkFailure, ok } from './update-problem.js';

export function parentIpIndex(def: NetworkDef, parentIndex: number | undefined): Result<number> {
  if (parentIndex !== undefined && parentIndex >= 0) {
    if (parentIndex < def.ips.length) return ok(parentIndex);
    return networkFailure(def, `has no <ip> element at index ${parentIndex} (it has ${def.ips.length})`);
  }
  const serving = def.ips.findIndex((ip) => (ip.dhcp?.ranges.length ?? 0) + (ip.dhcp?.hosts.length ?? 0) > 0);
  if (serving >= 0) return ok(serving);
  const v4 = def.ips.findIndex((ip) => ipFamily(ip) === 'ipv4');
  if (v4 >= 0) return ok(v4);
  const v6 = def.ips.findIndex((ip) => ipFamily(ip) === 'ipv6');
  if (v6 >= 0) return ok(v6);
  return networkFailure(def, 'has no <ip> element to hold DHCP entries');
}

/** Before an add: another <ip> of the same family must not serve DHCP already. */
export function checkSingleDhcp(def: NetworkDef, index: number): Result<void> {
  const family = ipFamily(def.ips[index] ?? {});
  const other = def.ips.find(
    (ip, k) =>
      k !== index &&
      ipFamily(ip) === family &&
      (ip.dhcp?.ranges.length ?? 0) + (ip.dhcp?.hosts.length ?? 0) > 0,
  );
  if (!other) return ok(undefined);
  const name = family === 'ipv4' ? 'IPv4' : 'IPv6';
  return networkFailure(
    def,
    `<ip address='${other.address ?? ''}'> already serves DHCP: DHCP is supported on only one ${name} <ip> per network`,
  );
}
