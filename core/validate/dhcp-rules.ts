// <dhcp> inside a sound <ip>: ranges and hosts (libvirt's virNetworkDHCPDefParseXML
// and virSocketAddrGetRange), plus ours: host addresses inside the subnet, not the
// network's own address (the host holds it: a guest given it would clash with its
// gateway), not an IPv4 network or broadcast address, and no MAC or address given to
// two hosts. Also the driver's rule that only one IPv4 and
// one IPv6 <ip> may serve DHCP.
import {
  broadcastOf,
  type Cidr,
  cidrContains,
  formatCidr,
  type Ipv4Subnet,
  ipv4Subnet,
  ipv4SubnetContains,
  rangeSize,
} from '../addr/cidr.js';
import { formatIp, type IpAddress, ipEquals, ipv4ToNumber, parseIp } from '../addr/ip.js';
import { ipDefCidr } from '../addr/ip-def.js';
import type { DhcpHost, DhcpRange, IpDef, LeaseTime, NetworkDef } from '../model/network.js';
import { assertNever } from '../result.js';
import { confFieldProblem, dnsNameProblem } from './dnsmasq-text.js';
import { type HostKeys, type Repeated, repeatChecker } from './host-repeats.js';
import { isMulticastMacNumber, macToNumber } from './mac-address.js';
import { element, type Finding, finding, quote, type Report } from './problem-text.js';

const MAX_RANGE_SIZE = 65535n;

export function checkDhcp(ip: IpDef, address: IpAddress, report: Report): void {
  const subnet = ipDefCidr(ip);
  if (!ip.dhcp || !subnet) return;
  for (const range of ip.dhcp.ranges) checkRange(range, subnet, report);
  checkHosts(ip.dhcp.hosts, subnet, address, report);
  const bootp = ip.dhcp.bootp;
  if (bootp) {
    const what = element('bootp', [
      ['file', bootp.file],
      ['server', bootp.server],
    ]);
    const fileProblem = confFieldProblem(bootp.file);
    if (address.family !== 4) report('dhcp.bootp-ipv6', what, bootp.at, 'is only supported in an IPv4 <ip>');
    else if (fileProblem)
      report('dhcp.bootp-file-unsafe', what, bootp.at, `file ${quote(bootp.file)} ${fileProblem}`);
    else if (bootp.server !== undefined && !parseIp(bootp.server)) {
      report(
        'dhcp.bootp-server-invalid',
        what,
        bootp.at,
        `server ${quote(bootp.server)} is not a valid IP address`,
      );
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
  if (problem) report(problem.rule, rangeElement(range), range.at, problem.text);
  if (range.lease) checkLease(range.lease, report);
}

/** libvirt's checks, in its order: families, containment, network/broadcast, size, order. */
function rangeProblem(range: DhcpRange, subnet: Cidr): Finding | undefined {
  const start = parseIp(range.start);
  const end = parseIp(range.end);
  if (!start)
    return finding('dhcp.range-address-invalid', `start ${quote(range.start)} is not a valid IP address`);
  if (!end) return finding('dhcp.range-address-invalid', `end ${quote(range.end)} is not a valid IP address`);
  if (start.family !== end.family)
    return finding('dhcp.range-family-mismatch', 'has a start and an end of different address families');
  if (start.family !== subnet.address.family)
    return finding('dhcp.range-family-mismatch', `is not in the address family of ${formatCidr(subnet)}`);
  if (!cidrContains(subnet, start) || !cidrContains(subnet, end)) {
    return finding('dhcp.range-outside-subnet', `is not entirely within ${formatCidr(subnet)}`);
  }
  if (start.family === 4 && ipEquals(start, subnet.address)) {
    return finding('dhcp.range-network-address', `starts at the network address of ${formatCidr(subnet)}`);
  }
  if (start.family === 4 && ipEquals(end, broadcastOf(subnet.address, subnet.prefix))) {
    return finding('dhcp.range-broadcast-address', `ends at the broadcast address of ${formatCidr(subnet)}`);
  }
  // libvirt's legacy size rule: start and end may differ only in the last 16 bits.
  const lowBits = 16n;
  const tooLarge = finding('dhcp.range-too-large', 'is too large (more than 65535 addresses)');
  if (start.value >> lowBits !== end.value >> lowBits) return tooLarge;
  if (start.value > end.value) return finding('dhcp.range-reversed', 'is reversed: start comes after end');
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
    report('dhcp.lease-too-short', what, lease.at, 'is shorter than the minimum lease time of 2 minutes');
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

/** A host's mac and ip, parsed once for both its own checks and the repeat checks. */
interface ParsedHost extends HostKeys {
  inSubnet: boolean;
}

/** Addresses no static host may have, as host keys (see parseHost), with why. */
type Reserved = Map<number | string, string>;

function reservedAddresses(subnet: Cidr, own: IpAddress): Reserved {
  const reserved: Reserved = new Map();
  if (subnet.address.family === 4) {
    reserved.set(Number(subnet.address.value), `the network address of ${formatCidr(subnet)}`);
    reserved.set(
      Number(broadcastOf(subnet.address, subnet.prefix).value),
      `the broadcast address of ${formatCidr(subnet)}`,
    );
  }
  const ownKey = own.family === 4 ? Number(own.value) : formatIp(own);
  reserved.set(ownKey, "the network's own address: the host holds it as the guests' gateway");
  return reserved;
}

function checkHosts(hosts: DhcpHost[], subnet: Cidr, own: IpAddress, report: Report): void {
  const v4 = ipv4Subnet(subnet);
  const parsed = hosts.map((host) => parseHost(host, subnet, v4));
  const repeatOf = repeatChecker(parsed);
  const reserved = reservedAddresses(subnet, own);
  for (let i = 0; i < hosts.length; i++) {
    const host = hosts[i]!;
    const keys = parsed[i]!;
    // Only hosts without problems of their own take part in the repeat checks.
    const problem = hostProblem(host, keys, subnet, reserved) ?? repeatProblem(host, keys, repeatOf(keys));
    if (problem) report(problem.rule, hostElement(host), host.at, problem.text);
    if (host.lease) checkLease(host.lease, report);
  }
}

/** Numbers rather than bigints: they cost nothing to compare, hash or sort by the thousand. */
function parseHost(host: DhcpHost, subnet: Cidr, v4: Ipv4Subnet | undefined): ParsedHost {
  const mac = host.mac === undefined ? undefined : macToNumber(host.mac);
  const ipv4 = v4 && host.ip !== undefined ? ipv4ToNumber(host.ip) : undefined;
  if (v4 && ipv4 !== undefined) return { mac, ip: ipv4, inSubnet: ipv4SubnetContains(v4, ipv4) };
  // Off the IPv4 fast path: an IPv6 subnet, or an ip that is not a dotted quad.
  const ip = host.ip === undefined ? undefined : parseIp(host.ip);
  if (!ip) return { mac, ip: undefined, inSubnet: false };
  const key = ip.family === 4 ? Number(ip.value) : formatIp(ip);
  return { mac, ip: key, inSubnet: cidrContains(subnet, ip) };
}

function hostProblem(
  host: DhcpHost,
  parsed: ParsedHost,
  subnet: Cidr,
  reserved: Reserved,
): Finding | undefined {
  const ipv6 = subnet.address.family === 6;
  if (host.mac !== undefined) {
    if (ipv6)
      return finding(
        'dhcp.host-mac-in-ipv6',
        'may not have a mac in an IPv6 <ip>: IPv6 hosts are matched by id or name',
      );
    if (parsed.mac === undefined)
      return finding('dhcp.host-mac-invalid', `mac ${quote(host.mac)} is not a valid MAC address`);
    if (isMulticastMacNumber(parsed.mac))
      return finding(
        'dhcp.host-mac-multicast',
        `mac ${quote(host.mac)} is a multicast address; a host needs a unicast MAC`,
      );
  }
  if (host.id !== undefined && !/^[0-9a-fA-F:]*$/.test(host.id)) {
    return finding('dhcp.host-id-invalid', `id ${quote(host.id)} may contain only hex digits and ':'`);
  }
  if (host.name !== undefined) {
    const problem = dhcpHostNameProblem(host.name);
    if (problem) return finding('dhcp.host-name-invalid', `name ${quote(host.name)} ${problem}`);
  }
  if (host.ip !== undefined && parsed.ip === undefined)
    return finding('dhcp.host-ip-invalid', `ip ${quote(host.ip)} is not a valid IP address`);
  if (ipv6 && host.id === undefined && host.name === undefined)
    return finding('dhcp.host-unidentified', 'needs an id or name attribute');
  if (!ipv6 && host.mac === undefined && host.name === undefined)
    return finding('dhcp.host-unidentified', 'needs a mac or name attribute');
  if (parsed.ip === undefined) return finding('dhcp.host-ip-missing', 'has no ip attribute');
  if (!parsed.inSubnet)
    return finding(
      'dhcp.host-ip-outside-subnet',
      `ip ${quote(host.ip ?? '')} is not within ${formatCidr(subnet)}`,
    );
  const taken = reserved.get(parsed.ip);
  if (taken) return finding('dhcp.host-ip-reserved', `ip ${quote(host.ip ?? '')} is ${taken}`);
  return undefined;
}

/**
 * libvirt wants a letter or digit first. The name is a field of a dhcp-hostsfile
 * line, where ',' starts another field, and dnsmasq takes only a legal host name
 * there (letters, digits, '-', '_', then a domain after a '.'); anything else
 * would add fields to the line or be dropped by dnsmasq without a word.
 */
function dhcpHostNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z0-9]/.test(name)) return 'must start with a letter or digit';
  if (!/^[A-Za-z0-9_.-]*$/.test(name)) return "may contain only letters, digits, '-', '_' and '.'";
  return dnsNameProblem(name);
}

function repeatProblem(host: DhcpHost, parsed: ParsedHost, repeated: Repeated): Finding | undefined {
  switch (repeated) {
    case 'mac':
      return finding('dhcp.host-mac-repeated', `repeats mac ${quote(host.mac ?? '')} of an earlier <host>`);
    case 'ip':
      return finding(
        'dhcp.host-ip-repeated',
        `repeats ip ${quote(ipKeyText(parsed.ip ?? ''))} of an earlier <host>`,
      );
    case undefined:
      return undefined;
    default:
      return assertNever(repeated);
  }
}

/** An ip key as inet_ntop prints the address. */
function ipKeyText(key: number | string): string {
  return typeof key === 'string' ? key : formatIp({ family: 4, value: BigInt(key) });
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
        'dhcp.second-per-family',
        element('dhcp'),
        dhcp.at ?? ip.at,
        `of address ${quote(ip.address ?? '')} is a second ${family} DHCP section: DHCP is supported on only one ${family} <ip> per network`,
      );
    }
    served.add(address.family);
  }
}
