// Forwarding must be on for guests' traffic to leave the bridge (nat, route, open).
import { ipFamily, type ManagedMode, type NetworkDef } from '../model/network.js';
import type { HostOp, Step } from './host-op.js';
import { forwards } from './managed-mode.js';

export const IPV4_FORWARDING = 'net/ipv4/ip_forward';
export const IPV6_FORWARDING = 'net/ipv6/conf/all/forwarding';

/** The host-wide forwarding switches the network needs on (as /proc/sys paths). */
export function forwardingSysctls(def: NetworkDef, mode: ManagedMode): string[] {
  if (!forwards(mode)) return [];
  return [
    ...(def.ips.some((ip) => ipFamily(ip) === 'ipv4') ? [IPV4_FORWARDING] : []),
    // libvirt routes IPv6 in every forwarding mode (it NATs IPv6 only with <nat ipv6='yes'>).
    ...(def.ips.some((ip) => ipFamily(ip) === 'ipv6') ? [IPV6_FORWARDING] : []),
  ];
}

export function forwardingStep(def: NetworkDef, mode: ManagedMode): Step {
  const ops: HostOp[] = forwardingSysctls(def, mode).map((path) => ({
    op: 'sysctl',
    path,
    value: '1',
    remember: true,
  }));
  return {
    id: 'forwarding',
    title: ops.length ? 'enable IP forwarding' : 'IP forwarding not needed',
    do: ops,
    // Not undone here: forwarding is one switch for the whole host, and another network
    // of ours may need it. The stop plan's last step (restore-sysctls) puts back the
    // value we found once neither our networks nor anything else visible needs it.
    undo: [],
  };
}
