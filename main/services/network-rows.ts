// Building the rows of the network list from the state files alone (no privileges):
// the live XML for running networks, the saved definition otherwise.
import { createHash } from 'node:crypto';
import type { NetworkRow } from '../../contract/ipc.js';
import { formatCidr } from '../../core/addr/cidr.js';
import { ipDefCidr } from '../../core/addr/ip-def.js';
import { readNetworkDefinition } from '../../core/definition.js';
import { unprivilegedAttach } from '../../core/guests/index.js';
import { effectiveMode, ipFamily, type NetworkDef } from '../../core/model/network.js';
import { liveDefinition } from '../../core/plan/index.js';
import { formatNetworkXml } from '../../core/xml/format-network.js';
import type { NetworkSummary } from '../../host/networks/registry.js';
import type { HostPaths } from '../../host/paths.js';
import { bridgePorts } from '../../host/readers/bridge-stats.js';
import { readLeases } from '../../host/readers/leases.js';
import { readActive, readDefinitionXml } from '../../host/state/state-store.js';

export function networkRow(paths: HostPaths, summary: NetworkSummary, nowSeconds: number): NetworkRow {
  const active = summary.active ? readActive(paths, summary.name) : undefined;
  const savedXml = readDefinitionXml(paths, summary.name);
  const live = active ? parse(active.xml) : undefined;
  const saved = savedXml === undefined ? undefined : parse(savedXml);
  const def = live ?? saved;
  const ipv4 = def?.ips.find((ip) => ipFamily(ip) === 'ipv4');
  const ipv6 = def?.ips.find((ip) => ipFamily(ip) === 'ipv6');
  return {
    name: summary.name,
    uuid: active?.status.uuid ?? def?.uuid ?? '',
    active: summary.active,
    persistent: summary.persistent,
    autostart: summary.autostart,
    mode: def ? effectiveMode(def) : 'isolated',
    bridge: active?.status.bridge ?? def?.bridge?.name,
    ipv4: cidrText(ipv4),
    ipv6: cidrText(ipv6),
    uplink: def?.forward?.dev,
    leaseCount: active ? liveLeaseCount(paths, summary.name, nowSeconds) : 0,
    portCount: active ? bridgePorts(active.status.bridge).length : 0,
    userAttach: def ? unprivilegedAttach(def) : false,
    pendingChanges: live !== undefined && saved !== undefined && !sameDefinition(live, saved),
    ...(summary.problem ? { problem: summary.problem.message } : {}),
    xmlDigest: digest(savedXml, active?.xml),
  };
}

function digest(saved: string | undefined, live: string | undefined): string {
  return createHash('sha256')
    .update(saved ?? '')
    .update('\0')
    .update(live ?? '')
    .digest('hex')
    .slice(0, 16);
}

function parse(xml: string): NetworkDef | undefined {
  const result = readNetworkDefinition(xml);
  return result.ok ? result.value : undefined;
}

function cidrText(ip: NetworkDef['ips'][number] | undefined): string | undefined {
  const cidr = ip && ipDefCidr(ip);
  return cidr ? formatCidr(cidr) : undefined;
}

/** Compared as libvirt prints inactive XML, so status-only attributes do not count. */
/** The live copy carries what a start fills in (the NAT port range); that is no pending change. */
function sameDefinition(live: NetworkDef, saved: NetworkDef): boolean {
  return (
    formatNetworkXml(live, { inactive: true }) === formatNetworkXml(liveDefinition(saved), { inactive: true })
  );
}

function liveLeaseCount(paths: HostPaths, name: string, now: number): number {
  try {
    return readLeases(paths, name).filter((l) => l.expiry === 0 || l.expiry > now).length;
  } catch {
    return 0;
  }
}
