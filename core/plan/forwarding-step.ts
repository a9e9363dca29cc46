// Forwarding must be on for guests' traffic to leave the bridge (nat, route, open).
import { ipFamily, type ManagedMode, type NetworkDef } from '../model/network.js';
import type { HostOp, Step } from './host-op.js';
import { forwards } from './managed-mode.js';

export function forwardingStep(def: NetworkDef, mode: ManagedMode): Step {
  const ops: HostOp[] = [];
  if (forwards(mode)) {
    if (def.ips.some((ip) => ipFamily(ip) === 'ipv4'))
      ops.push({ op: 'sysctl', path: 'net/ipv4/ip_forward', value: '1' });
    // libvirt routes IPv6 in every forwarding mode (it NATs IPv6 only with <nat ipv6='yes'>).
    if (def.ips.some((ip) => ipFamily(ip) === 'ipv6')) {
      ops.push({ op: 'sysctl', path: 'net/ipv6/conf/all/forwarding', value: '1' });
    }
  }
  return {
    id: 'forwarding',
    title: ops.length ? 'enable IP forwarding' : 'IP forwarding not needed',
    do: ops,
    // Never turned back off, as libvirt does: forwarding is one switch for the whole
    // host, and other running networks, containers or the admin's own routing may
    // depend on it; we cannot know that nobody else needs it.
    undo: [],
  };
}
