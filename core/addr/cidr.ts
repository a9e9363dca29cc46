// Subnet arithmetic on IpAddress values: netmask <-> prefix, network/broadcast,
// containment and overlap.
import { familyBits, formatIp, IPV4_BITS, type IpAddress, parseIp } from './ip.js';

export interface Cidr {
  address: IpAddress;
  prefix: number;
}

/** 'ADDRESS/PREFIX'; the address is kept as written (formatCidr prints the network). */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > familyBits(address.family)) return undefined;
  return { address, prefix };
}

export function formatCidr(c: Cidr): string {
  return `${formatIp(networkOf(c.address, c.prefix))}/${c.prefix}`;
}

function allOnes(family: 4 | 6): bigint {
  return (1n << BigInt(familyBits(family))) - 1n;
}

/** Mask value with `prefix` leading one bits. */
function maskBits(prefix: number, family: 4 | 6): bigint {
  const hostBits = BigInt(familyBits(family) - prefix);
  return allOnes(family) ^ ((1n << hostBits) - 1n);
}

export function netmaskFromPrefix(prefix: number, family: 4 | 6): IpAddress {
  return { family, value: maskBits(prefix, family) };
}

/** Prefix length of a netmask, or undefined when its one bits are not contiguous. */
export function prefixFromNetmask(mask: IpAddress): number | undefined {
  const bits = familyBits(mask.family);
  for (let prefix = 0; prefix <= bits; prefix++) {
    if (maskBits(prefix, mask.family) === mask.value) return prefix;
  }
  return undefined;
}

export function networkOf(addr: IpAddress, prefix: number): IpAddress {
  return { family: addr.family, value: addr.value & maskBits(prefix, addr.family) };
}

export function broadcastOf(addr: IpAddress, prefix: number): IpAddress {
  const hostMask = allOnes(addr.family) ^ maskBits(prefix, addr.family);
  return { family: addr.family, value: addr.value | hostMask };
}

export function cidrContains(net: Cidr, addr: IpAddress): boolean {
  if (net.address.family !== addr.family) return false;
  const mask = maskBits(net.prefix, addr.family);
  return (net.address.value & mask) === (addr.value & mask);
}

/** An IPv4 subnet as plain numbers, for checks repeated per host (no bigint per call). */
export interface Ipv4Subnet {
  network: number;
  mask: number;
}

export function ipv4Subnet(net: Cidr): Ipv4Subnet | undefined {
  if (net.address.family !== 4) return undefined;
  // A 32-bit shift is a shift by 0 in JavaScript, so /0 needs its own case.
  const mask = net.prefix === 0 ? 0 : (0xffffffff << (IPV4_BITS - net.prefix)) >>> 0;
  return { network: (Number(net.address.value) & mask) >>> 0, mask };
}

/** cidrContains for an address from ipv4ToNumber. */
export function ipv4SubnetContains(net: Ipv4Subnet, value: number): boolean {
  return (value & net.mask) >>> 0 === net.network;
}

/** Two subnets overlap exactly when the shorter prefix contains the other's network. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  if (a.address.family !== b.address.family) return false;
  const shorter = a.prefix <= b.prefix ? a : b;
  const longer = shorter === a ? b : a;
  return cidrContains(shorter, longer.address);
}

/** libvirt's default IPv4 prefix when an <ip> has neither netmask nor prefix. */
export function classfulPrefix(addr: IpAddress): number | undefined {
  if (addr.family !== 4) return undefined;
  const octet = Number(addr.value >> 24n);
  if ((octet & 0x80) === 0) return 8;
  if ((octet & 0xc0) === 0x80) return 16;
  if ((octet & 0xe0) === 0xc0) return 24;
  return undefined;
}

/** Number of addresses from start to end inclusive; <= 0 when end is before start. */
export function rangeSize(start: IpAddress, end: IpAddress): bigint {
  return end.value - start.value + 1n;
}

/** addr + n, wrapping within the family's address space. */
export function addOffset(addr: IpAddress, n: bigint): IpAddress {
  const space = 1n << BigInt(familyBits(addr.family));
  return { family: addr.family, value: (((addr.value + n) % space) + space) % space };
}
