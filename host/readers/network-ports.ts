// Who is on a network: every interface enslaved to its bridge, the guest MACs the
// bridge learned on it, the DHCP lease of each (matched by MAC), the VM it belongs
// to where the host can tell (vm-owners.ts), and its traffic. No privileges needed
// beyond what each source allows; a stopped network shows the ports its last stop
// remembered, which its next start plugs back in.
import type { RememberedPort } from '../../core/guests/index.js';
import { runCommand } from '../exec/run-command.js';
import { type PortLink, portLinks } from '../guests/port-links.js';
import { rememberedPorts } from '../guests/remembered-ports-file.js';
import type { HostPaths } from '../paths.js';
import { readActive } from '../state/state-store.js';
import { readCounters } from './bridge-stats.js';
import { type Lease, readLeases } from './leases.js';
import { libvirtOwners, qemuOwners, type VmOwner } from './vm-owners.js';

export interface PortLease {
  mac: string;
  ip: string;
  hostname?: string;
}

export interface NetworkPort {
  port: string;
  /** tun (a VM's tap), veth (a container or namespace), or another kind. */
  kind: string;
  portMac: string;
  isolated: boolean;
  /** Guest MACs: what the bridge learned on this port, and the VM's own NIC MAC. */
  guestMacs: string[];
  leases: PortLease[];
  vm?: VmOwner;
  /** Bytes the guest sent (the port's rx) and was sent (its tx). */
  fromGuestBytes: number;
  toGuestBytes: number;
}

export interface NetworkPorts {
  network: string;
  bridge?: string;
  active: boolean;
  ports: NetworkPort[];
  /** While stopped: the ports the next start plugs back in if they still exist. */
  remembered: RememberedPort[];
}

export interface PortSources {
  /** Directories of libvirt's domain status files (tests point elsewhere). */
  libvirtDirs?: string[];
}

export async function readNetworkPorts(
  paths: HostPaths,
  name: string,
  sources: PortSources = {},
): Promise<NetworkPorts> {
  const active = readActive(paths, name);
  if (!active) return { network: name, active: false, ports: [], remembered: rememberedPorts(paths, name) };
  const bridge = active.status.bridge;
  const links = portLinks(bridge);
  const learned = links.length ? await learnedMacs(bridge) : new Map<string, string[]>();
  const owners = new Map([...qemuOwners(), ...libvirtOwners(sources.libvirtDirs)]);
  const leases = readLeases(paths, name);
  const ports = links.map((link) =>
    portView(link, learned.get(link.name) ?? [], owners.get(link.name), leases),
  );
  return { network: name, bridge, active: true, ports, remembered: [] };
}

function portView(link: PortLink, learned: string[], vm: VmOwner | undefined, leases: Lease[]): NetworkPort {
  const guestMacs = [...new Set([...(vm?.mac ? [vm.mac] : []), ...learned])];
  const counters = readCounters(link.name);
  return {
    port: link.name,
    kind: link.kind,
    portMac: link.mac,
    isolated: link.isolated,
    guestMacs,
    leases: leases.flatMap((l) =>
      l.mac && guestMacs.includes(l.mac)
        ? [{ mac: l.mac, ip: l.ip, ...(l.hostname ? { hostname: l.hostname } : {}) }]
        : [],
    ),
    ...(vm ? { vm } : {}),
    fromGuestBytes: counters?.rx_bytes ?? 0,
    toGuestBytes: counters?.tx_bytes ?? 0,
  };
}

interface FdbEntry {
  mac?: string;
  ifname?: string;
  flags?: string[];
  state?: string;
}

/** port -> MACs the bridge learned behind it (its own and multicast entries left out). */
async function learnedMacs(bridge: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  let entries: FdbEntry[] = [];
  try {
    entries = JSON.parse(await runCommand('bridge', ['-j', 'fdb', 'show', 'br', bridge])) as FdbEntry[];
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!e.mac || !e.ifname || e.flags?.includes('self') || e.state === 'permanent') continue;
    out.set(e.ifname, [...(out.get(e.ifname) ?? []), e.mac.toLowerCase()]);
  }
  return out;
}
