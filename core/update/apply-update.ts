// libvirt's net-update as a pure function (virNetworkDefUpdateSection): apply one
// add/modify/delete of one section to a definition and return the new definition.
// applyNetworkUpdate checks what libvirt checks (the snippet and its matching);
// applyCheckedNetworkUpdate also holds the result to every rule a definition must
// pass here (core/validate), because what the host saves or runs must read back
// with readNetworkDefinition. libvirt, for one, accepts a second forward interface
// on a NAT network through net-update though its driver refuses that at define.

import type { NetworkDef } from '../model/network.js';
import { assertNever, type Result } from '../result.js';
import { validateNetwork } from '../validate/validate-network.js';
import { updateDhcpHost } from './dhcp-host-update.js';
import { updateDhcpRange } from './dhcp-range-update.js';
import { updateDnsHost } from './dns-host-update.js';
import { updateDnsSrv } from './dns-srv-update.js';
import { updateDnsTxt } from './dns-txt-update.js';
import { updateForwardInterface } from './forward-interface-update.js';
import { updatePortgroup } from './portgroup-update.js';
import { networkFailure } from './update-problem.js';
import { effectiveCommand, type NetworkUpdateRequest } from './update-request.js';

export function applyNetworkUpdate(def: NetworkDef, req: NetworkUpdateRequest): Result<NetworkDef> {
  const updated = applySection(def, req);
  return updated.ok ? { ok: true, value: withoutEmptyDhcp(updated.value) } : updated;
}

/**
 * Only problems the update introduced count, so a network saved before a rule
 * existed can still be updated.
 */
export function applyCheckedNetworkUpdate(def: NetworkDef, req: NetworkUpdateRequest): Result<NetworkDef> {
  const updated = applyNetworkUpdate(def, req);
  if (!updated.ok) return updated;
  const before = new Set(validateNetwork(def).map((p) => p.message));
  const introduced = validateNetwork(updated.value).find((p) => !before.has(p.message));
  return introduced ? { ok: false, error: introduced } : updated;
}

function applySection(def: NetworkDef, req: NetworkUpdateRequest): Result<NetworkDef> {
  const command = effectiveCommand(req.command);
  switch (req.section) {
    case 'ip-dhcp-host':
      return updateDhcpHost(def, command, req.xml, req.parentIndex);
    case 'ip-dhcp-range':
      return updateDhcpRange(def, command, req.xml, req.parentIndex);
    case 'forward-interface':
      return updateForwardInterface(def, command, req.xml);
    case 'portgroup':
      return updatePortgroup(def, command, req.xml);
    case 'dns-host':
      return updateDnsHost(def, command, req.xml);
    case 'dns-txt':
      return updateDnsTxt(def, command, req.xml);
    case 'dns-srv':
      return updateDnsSrv(def, command, req.xml);
    case 'bridge':
    case 'domain':
    case 'ip':
    case 'forward':
    case 'forward-pf':
      // libvirt cannot update these either: edit the definition and restart instead.
      return networkFailure(
        def,
        `the '${req.section}' section cannot be updated; use net-edit and restart the network`,
      );
    default:
      return assertNever(req.section, 'update section');
  }
}

/** libvirt prints no <dhcp> without ranges or hosts, so one emptied by a delete goes. */
function withoutEmptyDhcp(def: NetworkDef): NetworkDef {
  if (!def.ips.some((ip) => ip.dhcp && ip.dhcp.ranges.length + ip.dhcp.hosts.length === 0 && !ip.dhcp.bootp))
    return def;
  return {
    ...def,
    ips: def.ips.map((ip) => {
      if (!ip.dhcp || ip.dhcp.ranges.length + ip.dhcp.hosts.length > 0 || ip.dhcp.bootp) return ip;
      const { dhcp: _empty, ...rest } = ip;
      return rest;
    }),
  };
}
