// The typed model of libvirt's network XML (schemas/network.rng of libvirt 9.9).
// Values are kept as the strings libvirt would print back (addresses already in
// libvirt's canonical form after parsing), so format(parse(x)) is byte-exact and
// nothing a libvirt file says is lost. `at` is where the element started in the
// source (1-based line and column), used only for error messages.

import { assertNever } from '../result.js';
import type { Pos } from './pos.js';

export type { Pos } from './pos.js';

export const FORWARD_MODES = [
  'nat',
  'route',
  'open',
  'bridge',
  'private',
  'vepa',
  'passthrough',
  'hostdev',
] as const;
export type ForwardMode = (typeof FORWARD_MODES)[number];

/** What a network does, as the list shows it: its forward mode, or 'isolated' without <forward>. */
export const NETWORK_MODES = ['nat', 'route', 'open', 'isolated', ...FORWARD_MODES.slice(3)] as const;
export type NetworkMode = ForwardMode | 'isolated';

/** Modes Switchyard runs itself: a bridge it creates, with dnsmasq and a firewall. */
export type ManagedMode = 'nat' | 'route' | 'open' | 'isolated';

export type YesNo = 'yes' | 'no';
export type OnOff = 'on' | 'off';

export interface NetworkDef {
  at?: Pos;
  /**
   * Namespace declarations seen on <network> (prefix, '' for the default one), for
   * information: like libvirt, the formatter declares only xmlns:dnsmasq, and only
   * when there are dnsmasqOptions.
   */
  xmlns?: Record<string, string>;
  /** ipv6='yes' on <network>: guest-to-guest IPv6 without an IPv6 address. */
  ipv6?: YesNo;
  trustGuestRxFilters?: YesNo;
  /** connections='N' (status/live view only). */
  connections?: number;
  name: string;
  uuid?: string;
  title?: string;
  description?: string;
  /**
   * The whole <metadata> element as libvirt prints it (libxml2's xmlNodeDump at
   * indentation level 1): from '<metadata' to its end tag, without the leading
   * indentation or trailing newline. Built by the parser (core/xml/metadata-block.ts).
   */
  metadata?: string;
  forward?: ForwardDef;
  bridge?: BridgeDef;
  mac?: { address: string; at?: Pos };
  mtu?: { size: number; at?: Pos };
  domain?: DomainDef;
  dns?: DnsDef;
  ips: IpDef[];
  routes: RouteDef[];
  portgroups: PortgroupDef[];
  bandwidth?: BandwidthDef;
  vlan?: VlanDef;
  virtualport?: VirtualPortDef;
  port?: { isolated?: YesNo; at?: Pos };
  dnsmasqOptions?: DnsmasqOption[];
}

export interface ForwardDef {
  at?: Pos;
  /** Absent attribute means 'nat' (libvirt then prints mode='nat'). mode='none' parses as no forward. */
  mode?: ForwardMode;
  /** As written. libvirt makes it the first entry of the <interface> pool (and prints both). */
  dev?: string;
  managed?: YesNo;
  driver?: { name: string; at?: Pos };
  nat?: NatDef;
  interfaces: ForwardInterface[];
  pfs: { dev: string; at?: Pos }[];
  addresses: PciAddress[];
}

export interface ForwardInterface {
  at?: Pos;
  dev: string;
  connections?: number;
}

export interface PciAddress {
  at?: Pos;
  type: string;
  domain: string;
  bus: string;
  slot: string;
  function: string;
}

export interface NatDef {
  at?: Pos;
  ipv6?: YesNo;
  addressStart?: string;
  addressEnd?: string;
  portStart?: number;
  portEnd?: number;
}

export interface BridgeDef {
  at?: Pos;
  name?: string;
  stp?: OnOff;
  delay?: number;
  macTableManager?: 'kernel' | 'libvirt';
  zone?: string;
}

export interface DomainDef {
  at?: Pos;
  name: string;
  localOnly?: YesNo;
  register?: YesNo;
}

export interface DnsDef {
  at?: Pos;
  enable?: YesNo;
  forwardPlainNames?: YesNo;
  forwarders: DnsForwarder[];
  txts: DnsTxt[];
  hosts: DnsHost[];
  srvs: DnsSrv[];
}

export interface DnsForwarder {
  at?: Pos;
  domain?: string;
  addr?: string;
}

export interface DnsTxt {
  at?: Pos;
  name: string;
  value: string;
}

export interface DnsHost {
  at?: Pos;
  ip: string;
  hostnames: string[];
}

export interface DnsSrv {
  at?: Pos;
  service?: string;
  protocol?: string;
  domain?: string;
  target?: string;
  port?: number;
  priority?: number;
  weight?: number;
}

export type IpFamily = 'ipv4' | 'ipv6';

export interface IpDef {
  at?: Pos;
  /** As written: absent means IPv4 unless the address is IPv6. */
  family?: IpFamily;
  address?: string;
  netmask?: string;
  prefix?: number;
  localPtr?: YesNo;
  tftp?: { root: string; at?: Pos };
  dhcp?: DhcpDef;
}

export interface DhcpDef {
  at?: Pos;
  ranges: DhcpRange[];
  hosts: DhcpHost[];
  bootp?: { file: string; server?: string; at?: Pos };
}

export interface LeaseTime {
  at?: Pos;
  /** 0 means infinite (expiry='0'). */
  expiry: number;
  /** As written; absent means minutes (libvirt prints unit='minutes'). */
  unit?: 'seconds' | 'minutes' | 'hours';
}

export interface DhcpRange {
  at?: Pos;
  start: string;
  end: string;
  lease?: LeaseTime;
}

export interface DhcpHost {
  at?: Pos;
  /** As written: libvirt prints a host's mac back unchanged (the network's <mac> is lower-cased). */
  mac?: string;
  /** IPv6 hosts are matched by DUID instead of MAC. */
  id?: string;
  name?: string;
  ip?: string;
  lease?: LeaseTime;
}

export interface RouteDef {
  at?: Pos;
  family?: IpFamily;
  address: string;
  netmask?: string;
  prefix?: number;
  gateway: string;
  metric?: number;
}

export interface PortgroupDef {
  at?: Pos;
  name: string;
  default?: YesNo;
  trustGuestRxFilters?: YesNo;
  vlan?: VlanDef;
  virtualport?: VirtualPortDef;
  bandwidth?: BandwidthDef;
}

export interface BandwidthRate {
  at?: Pos;
  average?: number;
  peak?: number;
  burst?: number;
  floor?: number;
}

export interface BandwidthDef {
  at?: Pos;
  /** classID is status-only (live view). */
  classId?: number;
  inbound?: BandwidthRate;
  outbound?: BandwidthRate;
}

export interface VlanDef {
  at?: Pos;
  trunk?: YesNo;
  tags: { id: number; nativeMode?: 'tagged' | 'untagged'; at?: Pos }[];
}

export interface VirtualPortDef {
  at?: Pos;
  type?: '802.1Qbg' | '802.1Qbh' | 'openvswitch' | 'midonet';
  /**
   * Attributes of <parameters>. The parser writes valid numbers in decimal and valid
   * UUIDs canonically; libvirt prints managerid, typeid, typeidversion, instanceid,
   * interfaceid, profileid, each only for the types that use it.
   */
  parameters?: VirtualPortParameters;
}

export interface VirtualPortParameters {
  managerid?: string;
  typeid?: string;
  typeidversion?: string;
  instanceid?: string;
  profileid?: string;
  interfaceid?: string;
}

export interface DnsmasqOption {
  at?: Pos;
  value: string;
}

/** Effective mode: no <forward> is isolated; <forward> without mode= is NAT. */
export function effectiveMode(def: Pick<NetworkDef, 'forward'>): NetworkMode {
  if (!def.forward) return 'isolated';
  return def.forward.mode ?? 'nat';
}

/**
 * The mode Switchyard runs itself, or undefined for the modes that hand guests to
 * something that already exists (a host bridge, a physical NIC, SR-IOV functions).
 * The one place that decides it: define, dnsmasq, firewall and plan all ask here.
 */
export function managedModeOf(def: Pick<NetworkDef, 'forward'>): ManagedMode | undefined {
  const mode = effectiveMode(def);
  switch (mode) {
    case 'nat':
    case 'route':
    case 'open':
    case 'isolated':
      return mode;
    case 'bridge':
    case 'private':
    case 'vepa':
    case 'passthrough':
    case 'hostdev':
      return undefined;
    default:
      return assertNever(mode, 'forward mode');
  }
}

/** Effective family of an <ip>: explicit family=, else by the address's shape. */
export function ipFamily(ip: Pick<IpDef, 'family' | 'address'>): IpFamily {
  if (ip.family) return ip.family;
  return ip.address?.includes(':') ? 'ipv6' : 'ipv4';
}
