// Building the rows of the network list from the state files alone (no privileges):
// the live XML for running networks, the saved definition otherwise.
import type { NetworkRow } from '../../contract/ipc.js';
import { formatCidr, ipDefCidr } from '../../core/addr/index.js';
import { unprivilegedAttach } from '../../core/guests/index.js';
import { effectiveMode, ipFamily, type NetworkDef } from '../../core/model/index.js';
import type { NetworkSummary } from '../../host/networks/index.js';
import type { HostPaths } from '../../host/paths.js';
import { bridgePorts, readLeases } from '../../host/readers/index.js';
import { readActive, readDefinitionXml } from '../../host/state/index.js';
import { definitionDigest, type ParsedDefinitions } from './parsed-definitions.js';

export function networkRow(
  paths: HostPaths,
  summary: NetworkSummary,
  nowSeconds: number,
  parsed: ParsedDefinitions,
): NetworkRow {
  const active = summary.active ? readActive(paths, summary.name) : undefined;
  const savedXml = readDefinitionXml(paths, summary.name);
  const xmlDigest = definitionDigest(savedXml, active?.xml);
  const { live, saved, pendingChanges } = parsed.get(summary.name, xmlDigest, savedXml, active?.xml);
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
    pendingChanges,
    ...(summary.problem ? { problem: summary.problem.message } : {}),
    xmlDigest,
  };
}

function cidrText(ip: NetworkDef['ips'][number] | undefined): string | undefined {
  const cidr = ip && ipDefCidr(ip);
  return cidr ? formatCidr(cidr) : undefined;
}

function liveLeaseCount(paths: HostPaths, name: string, now: number): number {
  try {
    return readLeases(paths, name).filter((l) => l.expiry === 0 || l.expiry > now).length;
  } catch {
    return 0;
  }
}
