// <ip> with its <tftp> and <dhcp>, and <route> (libvirt's virNetworkIPDefParseXML,
// virNetworkDHCPDefParseXML and virNetDevIPRouteParseXML). Only value types are
// checked here; whether addresses fit together is validation's job.
import type { DhcpDef, DhcpHost, DhcpRange, IpDef, LeaseTime, RouteDef } from '../model/network.js';
import {
  enumValue,
  optionalText,
  optionalUnsigned,
  requiredText,
  UINT32_MAX,
  unsigned,
  yesNo,
} from './attribute-readers.js';
import { canonicalIp } from './canonical-values.js';
import { positionOf, type ReadContext } from './parse-failure.js';
import { attribute, firstChild, type XmlElement } from './xml-tree.js';

const FAMILIES = ['ipv4', 'ipv6'] as const;

export function readIp(ctx: ReadContext, el: XmlElement): IpDef {
  const ip: IpDef = { at: positionOf(el) };
  const family = enumValue(ctx, el, 'family', FAMILIES, optionalText(el, 'family'));
  if (family) ip.family = family;
  const address = optionalText(el, 'address');
  if (address !== undefined) ip.address = canonicalIp(address);
  const netmask = optionalText(el, 'netmask');
  if (netmask !== undefined) ip.netmask = canonicalIp(netmask);
  const prefix = unsigned(ctx, el, 'prefix', UINT32_MAX);
  if (prefix !== undefined) ip.prefix = prefix;
  const localPtr = yesNo(ctx, el, 'localPtr');
  if (localPtr) ip.localPtr = localPtr;
  const tftpEl = firstChild(el, 'tftp');
  const root = tftpEl && optionalText(tftpEl, 'root');
  if (tftpEl && root !== undefined) ip.tftp = { root, at: positionOf(tftpEl) };
  const dhcpEl = firstChild(el, 'dhcp');
  if (dhcpEl) ip.dhcp = readDhcp(ctx, dhcpEl);
  return ip;
}

function readDhcp(ctx: ReadContext, el: XmlElement): DhcpDef {
  const dhcp: DhcpDef = { at: positionOf(el), ranges: [], hosts: [] };
  // Indexed: measured, for-of here allocated an iterator result per <host> (this
  // runs once per parse, too rarely for V8 to optimise it fully).
  const children = el.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind !== 'element' || child.ns !== undefined) continue;
    if (child.local === 'range') dhcp.ranges.push(readRange(ctx, child));
    else if (child.local === 'host') dhcp.hosts.push(readHost(ctx, child));
    else if (child.local === 'bootp') readBootp(child, dhcp);
  }
  return dhcp;
}

function readRange(ctx: ReadContext, el: XmlElement): DhcpRange {
  const start = canonicalIp(requiredText(ctx, el, 'start'));
  const end = canonicalIp(requiredText(ctx, el, 'end'));
  const range: DhcpRange = { at: positionOf(el), start, end };
  const lease = readLease(ctx, el);
  if (lease) range.lease = lease;
  return range;
}

const HOST_TEXT = ['mac', 'id', 'name'] as const;

/** mac, id and name are kept as written: libvirt prints them back unchanged. */
function readHost(ctx: ReadContext, el: XmlElement): DhcpHost {
  const host: DhcpHost = { at: positionOf(el) };
  for (const name of HOST_TEXT) {
    const value = attribute(el, name);
    if (value !== undefined) host[name] = value;
  }
  const ip = attribute(el, 'ip');
  if (ip !== undefined) host.ip = canonicalIp(ip);
  const lease = readLease(ctx, el);
  if (lease) host.lease = lease;
  return host;
}

/** libvirt 9: a <bootp> without file is skipped, and the last one with a file wins. */
function readBootp(el: XmlElement, dhcp: DhcpDef): void {
  const file = attribute(el, 'file');
  if (file === undefined) return;
  const server = attribute(el, 'server');
  dhcp.bootp =
    server === undefined
      ? { file, at: positionOf(el) }
      : { file, server: canonicalIp(server), at: positionOf(el) };
}

const LEASE_UNITS = ['seconds', 'minutes', 'hours'] as const;

/** <lease expiry='N' unit='...'/>; a lease without expiry is ignored, as libvirt does. */
function readLease(ctx: ReadContext, parent: XmlElement): LeaseTime | undefined {
  const el = firstChild(parent, 'lease');
  if (!el) return undefined;
  const expiry = unsigned(ctx, el, 'expiry', Number.MAX_SAFE_INTEGER);
  if (expiry === undefined) return undefined;
  const unit = enumValue(ctx, el, 'unit', LEASE_UNITS);
  return unit ? { at: positionOf(el), expiry, unit } : { at: positionOf(el), expiry };
}

export function readRoute(ctx: ReadContext, el: XmlElement): RouteDef {
  const family = enumValue(ctx, el, 'family', FAMILIES);
  const address = canonicalIp(requiredText(ctx, el, 'address'));
  const gateway = canonicalIp(requiredText(ctx, el, 'gateway'));
  const route: RouteDef = { at: positionOf(el), address, gateway };
  if (family) route.family = family;
  const netmask = attribute(el, 'netmask');
  if (netmask !== undefined) route.netmask = canonicalIp(netmask);
  const prefix = optionalUnsigned(ctx, el, 'prefix', UINT32_MAX);
  if (prefix !== undefined) route.prefix = prefix;
  const metric = optionalUnsigned(ctx, el, 'metric', UINT32_MAX);
  if (metric !== undefined) route.metric = metric;
  return route;
}
