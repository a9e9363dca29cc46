// <dhcp> inside a sound <ip>: ranges and hosts (libvirt's virNetworkDHCPDefParseXML
// and virSocketAddrGetRange), plus ours: host addresses inside the subnet and no
// MAC or address given to two hosts. Also the driver's rule that only one IPv4 and
// one IPv6 <ip> may serve DHCP.
import { broadcastOf, type Cidr, cidrContains, formatCidr, rangeSize } from '../addr/cidr.js';
import { formatIp, type IpAddress, ipEquals, parseIp } from '../addr/ip.js';
import { ipDefCidr } from '../addr/ip-def.js';
import type { DhcpHost, DhcpRange, IpDef, LeaseTime, NetworkDef } from '../model/network.js';
import { isMulticastMac, parseMac } from './mac-address.js';
import { element, quote, type Report } from './problem-text.js';

const MAX_RANGE_SIZE = 65535n;

export function checkDhcp(ip: IpDef, address: IpAddress, report: Report): void {
  const subnet = ipDefCidr(ip);
  if (!ip.dhcp || !subnet) return;
  for (const range of ip.dhcp.ranges) checkRange(range, subnet, report);
  checkHosts(ip.dhcp.hosts, subnet, report);
  const bootp = ip.dhcp.bootp;
  if (bootp) {
    const what = element('bootp', [
      ['file', bootp.file],
      ['server', bootp.server],
    ]);
    if (address.family !== 4) report(what, bootp.at, 'is only supported in an IPv4 <ip>');
    else if (bootp.server !== undefined && !parseIp(bootp.server)) {
      report(what, bootp.at, `server ${quote(bootp.server)} is not a valid IP address`);
    }
  }
}

function rangeElement(range: DhcpRange): string {
  return element('range', [
    ['start', range.start],
    ['end', range.end],
  ]);
}

function checkRange(range: DhcpRange, subnet: Cidr, report: Report): void {
  const problem = rangeProblem(range, subnet);
  if (problem) report(rangeElement(range), range.at, problem);
  if (range.lease) checkLease(range.lease, report);
}

/** libvirt's checks, in its order: families, containment, network/broadcast, size, order. */
function rangeProblem(range: DhcpRange, subnet: Cidr): string | undefined {
  const start = parseIp(range.start);
  const end = parseIp(range.end);
  if (!start) return `start ${quote(range.start)} is not a valid IP address`;
  if (!end) return `end ${quote(range.end)} is not a valid IP address`;
  if (start.family !== end.family) return 'has a start and an end of different address families';
  if (start.family !== subnet.address.family) return `is not in the address family of ${formatCidr(subnet)}`;
  if (!cidrContains(subnet, start) || !cidrContains(subnet, end)) {
    return `is not entirely within ${formatCidr(subnet)}`;
  }
  if (start.family === 4 && ipEquals(start, subnet.address)) {
    return `starts at the network address of ${formatCidr(subnet)}`;
  }
  if (start.family === 4 && ipEquals(end, broadcastOf(subnet.address, subnet.prefix))) {
    return `ends at the broadcast address of ${formatCidr(subnet)}`;
  }
  // libvirt's legacy size rule: start and end may differ only in the last 16 bits.
  const lowBits = 16n;
  const tooLarge = 'is too large (more than 65535 addresses)';
  if (start.value >> lowBits !== end.value >> lowBits) return tooLarge;
  if (start.value > end.value) return 'is reversed: start comes after end';
  // libvirt lets a whole 16-bit block (65536) through; dnsmasq's pool limit is ours to keep.
  if (rangeSize(start, end) > MAX_RANGE_SIZE) return tooLarge;
  return undefined;
}

/** dnsmasq refuses leases shorter than two minutes; expiry 0 means infinite. */
export function checkLease(lease: LeaseTime, report: Report): void {
  const unit = lease.unit ?? 'minutes';
  const tooShort = (unit === 'seconds' && lease.expiry < 120) || (unit === 'minutes' && lease.expiry < 2);
  if (lease.expiry > 0 && tooShort) {
    const what = element('lease', [
      ['expiry', lease.expiry],
      ['unit', lease.unit],
    ]);
    report(what, lease.at, 'is shorter than the minimum lease time of 2 minutes');
  }
}

function hostElement(host: DhcpHost): string {
  return element('host', [
    ['mac', host.mac],
    ['id', host.id],
    ['name', host.name],
    ['ip', host.ip],
  ]);
}

function checkHosts(hosts: DhcpHost[], subnet: Cidr, report: Report): void {
  const seenMacs = new Set<string>();
  const seenIps = new Set<bigint>();
  for (const host of hosts) {
    const problem = hostProblem(host, subnet) ?? duplicateProblem(host, seenMacs, seenIps);
    if (problem) report(hostElement(host), host.at, problem);
    if (host.lease) checkLease(host.lease, report);
  }
}

function hostProblem(host: DhcpHost, subnet: Cidr): string | undefined {
  const ipv6 = subnet.address.family === 6;
  if (host.mac !== undefined) {
    if (ipv6) return 'may not have a mac in an IPv6 <ip>: IPv6 hosts are matched by id or name';
    const mac = parseMac(host.mac);
    if (!mac) return `mac ${quote(host.mac)} is not a valid MAC address`;
    if (isMulticastMac(mac))
      return `mac ${quote(host.mac)} is a multicast address; a host needs a unicast MAC`;
  }
  if (host.id !== undefined && !/^[0-9a-fA-F:]*$/.test(host.id)) {
    return `id ${quote(host.id)} may contain only hex digits and ':'`;
  }
  if (host.name !== undefined && !/^[A-Za-z0-9]/.test(host.name)) {
    return `name ${quote(host.name)} must start with a letter or digit`;
  }
  const ip = host.ip === undefined ? undefined : parseIp(host.ip);
  if (host.ip !== undefined && !ip) return `ip ${quote(host.ip)} is not a valid IP address`;
  if (ipv6 && host.id === undefined && host.name === undefined) return 'needs an id or name attribute';
  if (!ipv6 && host.mac === undefined && host.name === undefined) return 'needs a mac or name attribute';
  if (!ip) return 'has no ip attribute';
  if (!cidrContains(subnet, ip)) return `ip ${quote(host.ip ?? '')} is not within ${formatCidr(subnet)}`;
  return undefined;
}

function duplicateProblem(host: DhcpHost, seenMacs: Set<string>, seenIps: Set<bigint>): string | undefined {
  const mac = host.mac === undefined ? undefined : parseMac(host.mac);
  const macKey = mac?.join(':');
  if (macKey !== undefined) {
    if (seenMacs.has(macKey)) return `repeats mac ${quote(host.mac ?? '')} of an earlier <host>`;
    seenMacs.add(macKey);
  }
  const ip = host.ip === undefined ? undefined : parseIp(host.ip);
  if (ip) {
    if (seenIps.has(ip.value)) return `repeats ip ${quote(formatIp(ip))} of an earlier <host>`;
    seenIps.add(ip.value);
  }
  return undefined;
}

/** The driver serves DHCP on one IPv4 and one IPv6 subnet only. */
export function checkDhcpOncePerFamily(def: NetworkDef, report: Report): void {
  const served = new Set<4 | 6>();
  for (const ip of def.ips) {
    const address = ip.address === undefined ? undefined : parseIp(ip.address);
    const dhcp = ip.dhcp;
    if (!address || !dhcp || dhcp.ranges.length + dhcp.hosts.length === 0) continue;
    if (served.has(address.family)) {
      const family = address.family === 4 ? 'IPv4' : 'IPv6';
      report(
        element('dhcp'),
        dhcp.at ?? ip.at,
        `of address ${quote(ip.address ?? '')} is a second ${family} DHCP section: DHCP is supported on only one ${family} <ip> per network`,
      );
    }
    served.add(address.family);
  }
}
