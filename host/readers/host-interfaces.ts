// The host's interfaces as an uplink picker needs them: what each one is (an Ethernet
// NIC, wireless, a bridge, a bond, a VLAN, a veth, something virtual), its state and
// speed, and whether it is enslaved to a bridge or bond (a port, never an uplink).
// sysfs (and ip's link kinds) give the structure for every link, addressed or not; systeminformation adds
// what it knows beyond that (wireless links, the default-route interface, speeds). It only lists interfaces that have an address and runs
// shell commands for each, so it is asked once per call and its answer merged in.
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runIp } from '../exec/ip.js';

export type InterfaceKind =
  | 'ethernet'
  | 'wireless'
  | 'bridge'
  | 'bond'
  | 'vlan'
  | 'veth'
  | 'loopback'
  | 'virtual';

export interface HostInterface {
  name: string;
  kind: InterfaceKind;
  /** Backed by hardware (or a hypervisor's emulated NIC), not created in software. */
  physical: boolean;
  /** operstate: up, down, unknown, dormant, … */
  state: string;
  /** Mb/s, when the driver reports one. */
  speed?: number;
  /** The bridge or bond this interface is a port of. */
  master?: string;
  /** The interface of the host's default route. */
  defaultRoute?: boolean;
}

/** What systeminformation's networkInterfaces() reports per interface (the fields used). */
export interface SiInterface {
  iface: string;
  type: string;
  default: boolean;
  speed: number | null;
}

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/**
 * sysfs names bridges, bonds, VLANs and wireless (DEVTYPE) and gives hardware a device;
 * a veth is told apart from other software links only by its rtnetlink kind (`ip
 * -details`: info_kind, see linkKinds).
 */
function kindOf(dir: string, devtype: string | undefined, linkKind: string | undefined): InterfaceKind {
  if (read(join(dir, 'type')) === '772') return 'loopback';
  const kind = devtype ?? linkKind;
  switch (kind) {
    case 'bridge':
    case 'bond':
    case 'vlan':
    case 'veth':
      return kind;
    case 'wlan':
      return 'wireless';
  }
  if (existsSync(join(dir, 'wireless')) || existsSync(join(dir, 'phy80211'))) return 'wireless';
  return existsSync(join(dir, 'device')) ? 'ethernet' : 'virtual';
}

function fromSysfs(sysClassNet: string, name: string, linkKind: string | undefined): HostInterface {
  const dir = join(sysClassNet, name);
  const devtype = /^DEVTYPE=(.*)$/m.exec(read(join(dir, 'uevent')) ?? '')?.[1];
  const kind = kindOf(dir, devtype, linkKind);
  let master: string | undefined;
  try {
    master = basename(readlinkSync(join(dir, 'master')));
  } catch {
    master = undefined;
  }
  const speed = Number(read(join(dir, 'speed')));
  return {
    name,
    kind,
    physical: kind === 'ethernet' || kind === 'wireless',
    state: read(join(dir, 'operstate')) ?? 'unknown',
    ...(Number.isFinite(speed) && speed > 0 ? { speed } : {}),
    ...(master ? { master } : {}),
  };
}

/**
 * Every link in this network namespace, with systeminformation's view merged in.
 * KINDS maps a link to its rtnetlink kind ('veth', 'dummy', …; linkKinds()).
 */
export function readHostInterfaces(
  si: readonly SiInterface[],
  kinds: ReadonlyMap<string, string> = new Map(),
  sysClassNet = '/sys/class/net',
): HostInterface[] {
  let names: string[];
  try {
    names = readdirSync(sysClassNet).sort();
  } catch {
    return [];
  }
  const bySi = new Map(si.map((s) => [s.iface, s]));
  return names.map((name) => {
    const own = fromSysfs(sysClassNet, name, kinds.get(name));
    const extra = bySi.get(name);
    if (!extra) return own;
    const wireless = extra.type === 'wireless' || own.kind === 'wireless';
    return {
      ...own,
      ...(wireless ? { kind: 'wireless' as const, physical: true } : {}),
      ...(own.speed === undefined && extra.speed ? { speed: extra.speed } : {}),
      ...(extra.default ? { defaultRoute: true } : {}),
    };
  });
}

/** Interfaces that can carry a network's traffic out: no loopback, no ports, none of ours. */
export function uplinkCandidates(
  all: readonly HostInterface[],
  ourBridges: ReadonlySet<string>,
): HostInterface[] {
  return all.filter((i) => i.kind !== 'loopback' && i.master === undefined && !ourBridges.has(i.name));
}

/** Each link's rtnetlink kind from `ip -json -details link show`; empty when ip fails. */
export async function linkKinds(): Promise<Map<string, string>> {
  try {
    const out = JSON.parse(await runIp(['-json', '-details', 'link', 'show'])) as {
      ifname?: string;
      linkinfo?: { info_kind?: string };
    }[];
    return new Map(
      out.flatMap((l) => (l.ifname && l.linkinfo?.info_kind ? [[l.ifname, l.linkinfo.info_kind]] : [])),
    );
  } catch {
    return new Map();
  }
}

/** systeminformation, loaded on first use; its failure only loses the extras. */
export async function systemInformationInterfaces(): Promise<SiInterface[]> {
  try {
    const si = await import('systeminformation');
    const list = await si.networkInterfaces();
    return Array.isArray(list) ? list : [list];
  } catch {
    return [];
  }
}
