// The checks of one network that need no firewall access: its bridge, its dnsmasq,
// IP forwarding, routes that steal its subnet, NetworkManager; and for a network
// that is not running, whether it could start (names and subnets taken, DNS or DHCP
// ports held by another program).
import {
  addOffset,
  cidrContains,
  formatIp,
  ipDefInterface,
  ipEquals,
  networkOf,
  parseIp,
} from '../../core/addr/index.js';
import { dnsmasqPaths, shouldRunDnsmasq } from '../../core/dnsmasq/index.js';
import type { IpDef, NetworkDef } from '../../core/model/index.js';
import {
  aliasOwner,
  checkCollisions,
  forwardingSysctls,
  type HostFacts,
  managedMode,
} from '../../core/plan/index.js';
import type { ActiveNetwork } from '../engine/active-networks.js';
import { isOurDnsmasq } from '../exec/dnsmasq-process.js';
import { nmDeviceState, nmFileIn } from '../exec/network-manager.js';
import { describeHolders, type PortHolder } from '../exec/port-holders.js';
import { routeGet } from '../exec/route-get.js';
import { readSysctl } from '../exec/sysctl.js';
import type { HostPaths } from '../paths.js';
import type { DoctorFacts } from './doctor-facts.js';
import type { Finding } from './health-report.js';
import { type UnmanagedVerdict, unmanagedVerdict } from './nm-unmanaged.js';

export async function activeNetworkFindings(
  net: ActiveNetwork,
  facts: DoctorFacts,
  paths: HostPaths,
  rootId: string,
): Promise<Finding[]> {
  const bridge = bridgeFindings(net, facts, rootId);
  if (bridge.length) return bridge;
  return [
    ...dnsmasqFindings(net, facts, paths),
    ...forwardingFindings(net),
    ...(await routeFindings(net)),
    ...(await networkManagerFindings(net, facts, rootId)),
  ];
}

function bridgeFindings({ status }: ActiveNetwork, facts: DoctorFacts, rootId: string): Finding[] {
  const link = facts.links.links.find((l) => l.name === status.bridge);
  if (link && aliasOwner(link.alias) === rootId) return [];
  return [
    {
      id: `bridge:${status.name}`,
      network: status.name,
      severity: 'error',
      title: `network '${status.name}' has lost its bridge ${status.bridge}`,
      cause: link
        ? `a link called ${status.bridge} exists but is not this network's (alias '${link.alias ?? ''}')`
        : 'the bridge was deleted by somebody else',
      evidence: [
        link ? `ip link: ${status.bridge} alias ${link.alias ?? '(none)'}` : `ip link: no ${status.bridge}`,
      ],
      fix: `Switchyard marks the network inactive and cleans up (any switchyard command as root does); then start it again: switchyard net-start ${status.name}`,
      repair: 'restore',
    },
  ];
}

function dnsmasqFindings({ status, def }: ActiveNetwork, facts: DoctorFacts, paths: HostPaths): Finding[] {
  if (!shouldRunDnsmasq(def)) return [];
  const conf = dnsmasqPaths(paths.stateDir, status.name).conf;
  if (status.dnsmasqPid !== undefined && isOurDnsmasq(status.dnsmasqPid, conf)) return [];
  const holders = [...facts.dnsDhcpHolders[53], ...facts.dnsDhcpHolders[67]];
  return [
    {
      id: `dnsmasq:${status.name}`,
      network: status.name,
      severity: 'error',
      title: `dnsmasq of network '${status.name}' is not running: guests get no DHCP lease and no DNS`,
      cause: 'it exited or was killed after the network started',
      evidence: [
        `no dnsmasq with --conf-file=${conf}${status.dnsmasqPid === undefined ? '' : ` (PID ${status.dnsmasqPid} is gone)`}`,
        ...(holders.length ? [`ports 53/67 held by ${describeHolders(holders)}`] : []),
      ],
      fix: 'Switchyard starts it again (any switchyard command as root does, or the fix below)',
      repair: 'restore',
    },
  ];
}

function forwardingFindings({ def, status }: ActiveNetwork): Finding[] {
  const mode = managedMode(def);
  if (typeof mode !== 'string') return [];
  return forwardingSysctls(def, mode)
    .filter((path) => readSysctl(path) !== '1')
    .map((path) => ({
      id: `forwarding:${status.name}:${path}`,
      network: status.name,
      severity: 'error' as const,
      title: `IP forwarding is off: network '${status.name}' (${mode}) cannot reach beyond the host`,
      cause: `${path.replaceAll('/', '.')} was turned off after the network started`,
      evidence: [`/proc/sys/${path} = ${readSysctl(path) ?? '(missing)'}`],
      fix: `turn it on again, as the network's start does`,
      commands: [`sysctl -w ${path.replaceAll('/', '.')}=1`],
      repair: 'ip-forward' as const,
    }));
}

async function routeFindings({ def, status }: ActiveNetwork): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const ip of def.ips) {
    const probe = guestProbe(ip);
    const iface = ipDefInterface(ip);
    if (!probe || !iface) continue;
    const answer = await routeGet(probe);
    if (!answer || answer.dev === status.bridge) continue;
    const subnet = `${formatIp(networkOf(iface.address, iface.prefix))}/${iface.prefix}`;
    findings.push({
      id: `route:${status.name}:${subnet}`,
      network: status.name,
      severity: 'error',
      title: `traffic to the guests of network '${status.name}' (${subnet}) goes to ${answer.dev ?? 'elsewhere'}, not to ${status.bridge}`,
      cause: 'a more specific route or a routing rule (a VPN, typically) claims part of the subnet',
      evidence: [`ip route get ${probe}: ${answer.text}`],
      fix: `remove or narrow that route (the VPN's "allowed IPs" or pushed routes), or move the network to a free subnet with switchyard net-edit ${status.name}`,
    });
  }
  return findings;
}

/** An address a guest would have: the first DHCP address, else the first one after the bridge's. */
function guestProbe(ip: IpDef): string | undefined {
  const iface = ipDefInterface(ip);
  if (!iface) return undefined;
  const first = ip.dhcp?.ranges[0]?.start;
  if (first) return first;
  const net = { address: networkOf(iface.address, iface.prefix), prefix: iface.prefix };
  for (const n of [1n, 2n, 3n]) {
    const candidate = addOffset(net.address, n);
    if (!ipEquals(candidate, iface.address) && cidrContains(net, candidate)) return formatIp(candidate);
  }
  return undefined;
}

/**
 * What NetworkManager reads (its keyfile unmanaged-devices) first, because that holds
 * whether or not it runs now; then, if nmcli answers, what it actually does.
 */
async function networkManagerFindings(
  { status }: ActiveNetwork,
  facts: DoctorFacts,
  rootId: string,
): Promise<Finding[]> {
  const nm = facts.networkManager;
  const verdict = nm && unmanagedVerdict(nm.files, status.bridge);
  if (nm && verdict && !verdict.unmanaged) return [keyfileFinding(status, nm.confDir, rootId, verdict)];
  const state = await nmDeviceState(status.bridge);
  if (state === undefined || state === 'unmanaged') return [];
  return [
    {
      ...nmFindingBase(status),
      evidence: [`nmcli device status: ${status.bridge} ${state}`],
      fix: "Switchyard lists the bridge in NetworkManager's unmanaged-devices again and tells it to reload",
      repair: 'restore',
    },
  ];
}

function nmFindingBase(status: ActiveNetwork['status']) {
  return {
    id: `network-manager:${status.name}`,
    network: status.name,
    severity: 'error' as const,
    title: `NetworkManager manages bridge ${status.bridge} of network '${status.name}'`,
    cause:
      'NetworkManager may run a DHCP client on it, give it addresses of its own, or take it down with a connection it made up',
  };
}

/** Our own file lost the entry (restore rewrites it), or a later file undoes it (only the admin may edit that). */
function keyfileFinding(
  status: ActiveNetwork['status'],
  confDir: string,
  rootId: string,
  verdict: UnmanagedVerdict,
): Finding {
  const ours = nmFileIn(confDir, rootId);
  const undoneByOther = verdict.decidedBy !== undefined && !verdict.decidedBy.startsWith(`${ours}:`);
  const entry = `interface-name:${status.bridge}`;
  const base = nmFindingBase(status);
  if (undoneByOther) {
    return {
      ...base,
      cause: `${base.cause}; another file sorted after Switchyard's own replaces or shortens the unmanaged-devices list`,
      evidence: [verdict.decidedBy ?? '', `${ours} lists ${entry}, which that line undoes`],
      fix: 'make that line append (unmanaged-devices+=) or remove from it only its own devices, then reload NetworkManager',
      commands: ['nmcli general reload conf'],
    };
  }
  return {
    ...base,
    evidence: [`no [keyfile] unmanaged-devices entry in ${confDir} matches ${entry} (expected in ${ours})`],
    fix: "Switchyard lists the bridge in NetworkManager's unmanaged-devices again and tells it to reload",
    repair: 'restore',
  };
}

/** A network that does not run: would it start? */
export function inactiveNetworkFindings(
  def: NetworkDef,
  facts: DoctorFacts,
  hostFacts: HostFacts,
): Finding[] {
  const bridge = def.bridge?.name;
  if (!bridge) return [];
  const conflict = checkCollisions(def, bridge, hostFacts);
  const findings: Finding[] = conflict
    ? [
        {
          id: `collision:${def.name}`,
          network: def.name,
          severity: 'error',
          title: `network '${def.name}' cannot start`,
          cause: conflict.message,
          evidence: [conflict.message.replace(/^network '[^']*': /, '')],
          fix: `pick a free bridge name or subnet with switchyard net-edit ${def.name}`,
        },
      ]
    : [];
  return [...findings, ...(shouldRunDnsmasq(def) ? portFindings(def, facts) : [])];
}

/** Sockets on 53 or 67 that the network's dnsmasq would collide with (wildcard, or its own address). */
function portFindings(def: NetworkDef, facts: DoctorFacts): Finding[] {
  const own = def.ips.map((ip) => parseIp(ip.address ?? '')).filter((a) => a !== undefined);
  const blocks = (h: PortHolder) => {
    const a = parseIp(h.address);
    return a !== undefined && (a.value === 0n || own.some((o) => ipEquals(o, a)));
  };
  return ([53, 67] as const).flatMap((port) => {
    const holders = facts.dnsDhcpHolders[port].filter(blocks);
    if (holders.length === 0) return [];
    return [
      {
        id: `port:${def.name}:${port}`,
        network: def.name,
        severity: 'warning' as const,
        title: `port ${port} (${port === 53 ? 'DNS' : 'DHCP'}) that network '${def.name}' needs is held by another program`,
        cause: `dnsmasq binds port ${port} on the bridge; a socket on the same port for every address (or the bridge's own) stops it unless both set SO_REUSEADDR`,
        evidence: [`port ${port}: ${describeHolders(holders)}`],
        fix: `stop that program or make it listen only on the addresses it serves (e.g. bind-interfaces for another dnsmasq, DNSStubListener for systemd-resolved)`,
      },
    ];
  });
}
