// The DHCP part of the config: per served <ip> its ranges (or a "static" range when
// only <host>s are given), then IPv4-only extras; plus TFTP, the lease cap and the
// IPv6 router advertisement lines.
import { netmaskFromPrefix, rangeSize } from '../addr/cidr.js';
import { formatIp, parseIp } from '../addr/ip.js';
import { ipDefPrefix } from '../addr/ip-def.js';
import { type IpDef, ipFamily, type NetworkDef } from '../model/network.js';
import { canonicalIp } from './canonical-ip.js';
import { confValue } from './conf-value.js';
import { dhcpIps, dhcpIpsInOrder, hasDhcp } from './dhcp-ips.js';
import { dnsmasqLeaseTime } from './lease-time.js';

/** TFTP is independent of DHCP: every IPv4 <ip> with a <tftp root>. */
export function tftpLines(def: NetworkDef): string[] {
  return def.ips
    .filter((ip) => ipFamily(ip) === 'ipv4' && ip.tftp)
    .flatMap((ip) => ['enable-tftp', `tftp-root=${confValue(ip.tftp?.root ?? '', 'tftp root')}`]);
}

export function dhcpRangeLines(def: NetworkDef): string[] {
  return dhcpIpsInOrder(def).flatMap((ip) => [...rangeLines(ip), ...ipv4ExtraLines(ip)]);
}

function prefixOf(ip: IpDef): number {
  const prefix = ipDefPrefix(ip);
  if (prefix === undefined) {
    throw new Error(`<ip address='${ip.address}'> has no usable prefix`);
  }
  return prefix;
}

function rangeLines(ip: IpDef): string[] {
  const v6 = ipFamily(ip) === 'ipv6';
  const prefix = prefixOf(ip);
  const mask = v6 ? String(prefix) : formatIp(netmaskFromPrefix(prefix, 4));
  const lines = (ip.dhcp?.ranges ?? []).map((range) => {
    const lease = dnsmasqLeaseTime(range.lease);
    const fields = [canonicalIp(range.start), canonicalIp(range.end), mask];
    return `dhcp-range=${[...fields, ...(lease ? [lease] : [])].join(',')}`;
  });
  // Hosts without a range: dnsmasq serves DHCP only on a "static" range.
  if (lines.length === 0 && ip.address !== undefined) {
    lines.push(`dhcp-range=${canonicalIp(ip.address)},static${v6 ? `,${prefix}` : ''}`);
  }
  return lines;
}

function ipv4ExtraLines(ip: IpDef): string[] {
  if (ipFamily(ip) !== 'ipv4') return [];
  // authoritative: we are the only DHCP server on this bridge, so a client renewing a
  // lease we do not know (e.g. after a restart) is answered instead of ignored.
  // no-override: keep the BOOTP file/server fields for boot data (PXE clients need them).
  const lines = ['dhcp-no-override', 'dhcp-authoritative'];
  const bootp = ip.dhcp?.bootp;
  if (bootp) {
    const file = confValue(bootp.file, 'bootp file');
    lines.push(bootp.server ? `dhcp-boot=${file},,${canonicalIp(bootp.server)}` : `dhcp-boot=${file}`);
  }
  return lines;
}

/** dnsmasq's lease cap: the sum of all range sizes, or no line when there are no ranges. */
export function leaseMaxLines(def: NetworkDef): string[] {
  let total = 0n;
  for (const ip of dhcpIpsInOrder(def)) {
    for (const range of ip.dhcp?.ranges ?? []) {
      const start = parseIp(range.start);
      const end = parseIp(range.end);
      if (start && end) total += rangeSize(start, end);
    }
  }
  return total > 0n ? [`dhcp-lease-max=${total}`] : [];
}

/**
 * With DHCPv6 dnsmasq sends stateful router advertisements (enable-ra); without
 * it, each IPv6 subnet still gets SLAAC advertisements (ra-only).
 */
export function routerAdvertLines(def: NetworkDef): string[] {
  if (dhcpIps(def).v6) return ['enable-ra'];
  return def.ips
    .filter((ip) => ipFamily(ip) === 'ipv6' && !hasDhcp(ip) && ip.address !== undefined)
    .map((ip) => `dhcp-range=${canonicalIp(ip.address ?? '')},ra-only`);
}
