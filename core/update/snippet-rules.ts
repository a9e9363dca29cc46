// The definition rules (core/validate) applied to the new entry alone, which is what
// libvirt's element parsers check when they read an update snippet: problems of
// the rest of the network are not the update's business.

import { parseIp } from '../addr/ip.js';
import type { DhcpHost, DhcpRange, DnsDef, IpDef, NetworkDef, PortgroupDef } from '../model/network.js';
import type { Result } from '../result.js';
import { checkDhcp, checkLease } from '../validate/dhcp-rules.js';
import { checkDns } from '../validate/dns-rules.js';
import { checkBandwidth, checkVirtualPort, checkVlan } from '../validate/port-profile-rules.js';
import { problemCollector, type Report } from '../validate/problem-text.js';
import { ok } from './update-problem.js';

function firstProblem(def: NetworkDef, rules: (report: Report) => void): Result<void> {
  const { problems, report } = problemCollector(def);
  rules(report);
  const first = problems[0];
  return first ? { ok: false, error: first } : ok(undefined);
}

/** The range as libvirt's range parser checks it: inside the subnet, in order, not too large. */
export function checkNewRange(def: NetworkDef, ip: IpDef, range: DhcpRange): Result<void> {
  const address = ip.address === undefined ? undefined : parseIp(ip.address);
  if (!address) return ok(undefined);
  const probe: IpDef = { ...ip, dhcp: { ranges: [range], hosts: [] } };
  return firstProblem(def, (report) => checkDhcp(probe, address, report));
}

export function checkNewHostLease(def: NetworkDef, host: DhcpHost): Result<void> {
  return firstProblem(def, (report) => host.lease && checkLease(host.lease, report));
}

/** One DNS record in a <dns> of its own (so a disabled <dns> is left to the whole-network rules). */
export function checkNewDnsRecord(
  def: NetworkDef,
  record: Partial<Pick<DnsDef, 'hosts' | 'txts' | 'srvs'>>,
): Result<void> {
  const dns: DnsDef = { forwarders: [], hosts: [], txts: [], srvs: [], ...record };
  return firstProblem(def, (report) => checkDns({ ...def, dns }, report));
}

export function checkNewPortgroup(def: NetworkDef, group: PortgroupDef): Result<void> {
  return firstProblem(def, (report) => {
    if (group.vlan) checkVlan(group.vlan, group.at, report);
    if (group.bandwidth) checkBandwidth(group.bandwidth, group.at, report);
    if (group.virtualport) checkVirtualPort(group.virtualport, group.at, false, report);
  });
}
