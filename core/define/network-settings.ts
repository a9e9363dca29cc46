// The settings a form edits on an existing network (like a virtual network editor:
// mode and uplink, IPv4 and its DHCP range and lease time, DNS domain, MTU, IPv6), as
// plain strings, read from a definition and written back into it. Everything the form
// does not show is kept as it was, so the XML stays the source of truth; the result is
// checked by the caller with readNetworkDefinition, giving the CLI's own messages.
import {
  type Cidr,
  cidrContains,
  formatCidr,
  netmaskFromPrefix,
  networkOf,
  parseCidr,
} from '../addr/cidr.js';
import { formatIp, parseIp } from '../addr/ip.js';
import { ipDefInterface } from '../addr/ip-def.js';
import {
  type DhcpRange,
  effectiveMode,
  type IpDef,
  ipFamily,
  type LeaseTime,
  type ManagedMode,
  type NetworkDef,
} from '../model/network.js';
import type { Problem, Result } from '../result.js';
import { moveAddress } from './network-fix.js';

export type LeaseUnit = NonNullable<LeaseTime['unit']>;

export interface NetworkSettings {
  mode: ManagedMode;
  /** '' = any interface (follow the host's routes). */
  uplink: string;
  /** The host's address on the bridge with the prefix, e.g. 192.168.122.1/24; '' = no IPv4 (L2 only). */
  ipv4: string;
  dhcp: boolean;
  rangeStart: string;
  rangeEnd: string;
  /** '' = dnsmasq's default (one hour); '0' = infinite. */
  leaseTime: string;
  leaseUnit: LeaseUnit;
  domain: string;
  /** '' = the kernel's default. */
  mtu: string;
  /** The host's IPv6 address with the prefix, e.g. fd00:1::1/64; '' = none. */
  ipv6: string;
}

const MANAGED: readonly string[] = ['nat', 'route', 'open', 'isolated'] satisfies ManagedMode[];

/** Whether the form can edit this network's mode (bridged and hostdev modes are XML-only). */
export function hasManagedMode(def: NetworkDef): boolean {
  return MANAGED.includes(effectiveMode(def));
}

function firstIp(def: NetworkDef, family: 'ipv4' | 'ipv6'): IpDef | undefined {
  return def.ips.find((ip) => ipFamily(ip) === family);
}

function interfaceText(ip: IpDef | undefined): string {
  const own = ip && ipDefInterface(ip);
  return own ? `${formatIp(own.address)}/${own.prefix}` : '';
}

export function readSettings(def: NetworkDef): NetworkSettings {
  const v4 = firstIp(def, 'ipv4');
  const range = v4?.dhcp?.ranges[0];
  const mode = effectiveMode(def);
  return {
    mode: MANAGED.includes(mode) ? (mode as ManagedMode) : 'nat',
    uplink: def.forward?.dev ?? '',
    ipv4: interfaceText(v4),
    dhcp: (v4?.dhcp?.ranges.length ?? 0) > 0,
    rangeStart: range?.start ?? '',
    rangeEnd: range?.end ?? '',
    leaseTime: range?.lease ? String(range.lease.expiry) : '',
    leaseUnit: range?.lease?.unit ?? 'minutes',
    domain: def.domain?.name ?? '',
    mtu: def.mtu ? String(def.mtu.size) : '',
    ipv6: interfaceText(firstIp(def, 'ipv6')),
  };
}

/**
 * DEF with S written into it. Values the form could not parse are written as they
 * are where the model takes text (so core names them), and are refused where it
 * cannot (a malformed address/prefix), naming the network, the field and the value.
 */
export function applySettings(def: NetworkDef, s: NetworkSettings): Result<NetworkDef> {
  const before = readSettings(def);
  let out: NetworkDef = { ...def };
  if (hasManagedMode(def) && (s.mode !== before.mode || s.uplink !== before.uplink)) out = withMode(out, s);
  if (s.domain !== before.domain) out = withDomain(out, s.domain.trim());
  const steps: ((d: NetworkDef) => Result<NetworkDef>)[] = [
    (d) => (s.mtu !== before.mtu ? withMtu(d, s.mtu.trim()) : ok(d)),
    (d) => withIpv4(d, s, before),
    (d) => (s.ipv6 !== before.ipv6 ? withIpv6(d, s.ipv6.trim()) : ok(d)),
  ];
  for (const step of steps) {
    const next = step(out);
    if (!next.ok) return next;
    out = next.value;
  }
  return ok(out);
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A form field core cannot write into the model; the message is the whole sentence. */
function refused(def: NetworkDef, message: string): { ok: false; error: Problem } {
  return { ok: false, error: { code: 'validation', network: def.name, message } };
}

function withMode(def: NetworkDef, s: NetworkSettings): NetworkDef {
  const { forward: _drop, ...rest } = def;
  if (s.mode === 'isolated') return rest;
  const old = def.forward;
  const dev = s.uplink.trim();
  // The <interface> pool repeats dev=; a new uplink replaces the pool with itself.
  const keepPool = old !== undefined && (old.dev ?? '') === dev;
  return {
    ...rest,
    forward: {
      ...(old?.at ? { at: old.at } : {}),
      mode: s.mode,
      ...(dev ? { dev } : {}),
      ...(s.mode === 'nat' && old?.nat ? { nat: old.nat } : {}),
      interfaces: keepPool ? old.interfaces : [],
      pfs: [],
      addresses: [],
    },
  };
}

function withDomain(def: NetworkDef, name: string): NetworkDef {
  const { domain: _drop, ...rest } = def;
  return name === '' ? rest : { ...rest, domain: { ...def.domain, name } };
}

function withMtu(def: NetworkDef, text: string): Result<NetworkDef> {
  const { mtu: _drop, ...rest } = def;
  if (text === '') return ok(rest);
  if (!/^[0-9]+$/.test(text))
    return refused(def, `network '${def.name}': MTU '${text}' is not a whole number`);
  return ok({ ...rest, mtu: { size: Number(text) } });
}

function parseInterface(def: NetworkDef, field: string, text: string, family: 4 | 6): Result<Cidr> {
  const c = parseCidr(text);
  if (c?.address.family !== family)
    return refused(
      def,
      `network '${def.name}': ${field} '${text}' is not an address/prefix like ${family === 4 ? '192.168.100.1/24' : 'fd00:1::1/64'}`,
    );
  return ok(c);
}

function replaceIp(def: NetworkDef, family: 'ipv4' | 'ipv6', ip: IpDef | undefined): NetworkDef {
  const i = def.ips.findIndex((x) => ipFamily(x) === family);
  if (i < 0) return ip ? { ...def, ips: family === 'ipv4' ? [ip, ...def.ips] : [...def.ips, ip] } : def;
  const ips = def.ips.flatMap((x, j) => (j !== i ? [x] : ip ? [ip] : []));
  return { ...def, ips };
}

function withIpv4(def: NetworkDef, s: NetworkSettings, before: NetworkSettings): Result<NetworkDef> {
  const text = s.ipv4.trim();
  if (text === '') return ok(before.ipv4 === '' ? def : replaceIp(def, 'ipv4', undefined));
  const old = firstIp(def, 'ipv4');
  const unchanged =
    text === before.ipv4 &&
    s.dhcp === before.dhcp &&
    s.rangeStart === before.rangeStart &&
    s.rangeEnd === before.rangeEnd &&
    s.leaseTime === before.leaseTime &&
    s.leaseUnit === before.leaseUnit;
  if (unchanged && old) return ok(def);
  const parsed = parseInterface(def, 'IPv4', text, 4);
  if (!parsed.ok) return parsed;
  const own = parsed.value;
  const range = s.dhcp ? firstRange(def, s) : undefined;
  if (range && !range.ok) return range;
  const ip: IpDef = {
    ...old,
    address: formatIp(own.address),
    netmask: formatIp(netmaskFromPrefix(own.prefix, 4)),
    prefix: undefined,
  };
  const hosts = movedHosts(old, own);
  const ranges = range ? [range.value, ...(old?.dhcp?.ranges.slice(1) ?? [])] : [];
  const { dhcp: _drop, ...rest } = ip;
  // DHCP off keeps the static hosts (dnsmasq then serves only them).
  return ok(
    replaceIp(
      def,
      'ipv4',
      ranges.length > 0 || hosts.length > 0 ? { ...rest, dhcp: { ...old?.dhcp, ranges, hosts } } : rest,
    ),
  );
}

function firstRange(def: NetworkDef, s: NetworkSettings): Result<DhcpRange> {
  const lease = s.leaseTime.trim();
  if (lease !== '' && !/^[0-9]+$/.test(lease))
    return refused(def, `network '${def.name}': lease time '${lease}' is not a whole number`);
  const expiry = Number(lease);
  return ok({
    start: s.rangeStart.trim(),
    end: s.rangeEnd.trim(),
    ...(lease === '' ? {} : { lease: { expiry, ...(expiry === 0 ? {} : { unit: s.leaseUnit }) } }),
  });
}

/** Static hosts follow the subnet when it moves, at the same offset; others stay for core to judge. */
function movedHosts(old: IpDef | undefined, own: Cidr) {
  const from = old && ipDefInterface(old);
  const hosts = old?.dhcp?.hosts ?? [];
  if (!from) return hosts;
  const fromNet = { address: networkOf(from.address, from.prefix), prefix: from.prefix };
  const toNet = { address: networkOf(own.address, own.prefix), prefix: own.prefix };
  if (fromNet.prefix === toNet.prefix && fromNet.address.value === toNet.address.value) return hosts;
  return hosts.map((h) => {
    const addr = h.ip ? parseIp(h.ip) : undefined;
    const moved = h.ip && addr && cidrContains(fromNet, addr) ? moveAddress(h.ip, fromNet, toNet) : undefined;
    return moved ? { ...h, ip: moved } : h;
  });
}

function withIpv6(def: NetworkDef, text: string): Result<NetworkDef> {
  if (text === '') return ok(replaceIp(def, 'ipv6', undefined));
  const parsed = parseInterface(def, 'IPv6', text, 6);
  if (!parsed.ok) return parsed;
  const old = firstIp(def, 'ipv6');
  return ok(
    replaceIp(def, 'ipv6', {
      ...old,
      family: 'ipv6',
      address: formatIp(parsed.value.address),
      prefix: parsed.value.prefix,
      netmask: undefined,
    }),
  );
}

/** The subnet of an address/prefix text, for showing beside the field. */
export function subnetOf(text: string): string | undefined {
  const c = parseCidr(text.trim());
  return c ? formatCidr(c) : undefined;
}
