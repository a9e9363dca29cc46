// The `default` network defined on first use, as libvirt's packages ship it: NAT,
// 192.168.122.0/24 on virbr0 — or the first free subnet and bridge name when those
// are taken. It gets Switchyard's quick-switch defaults (core/define/quick-switch.ts).
import { addOffset, broadcastOf, type Cidr, formatCidr, netmaskFromPrefix } from '../addr/cidr.js';
import { suggestFreeSubnet } from '../addr/free-subnet.js';
import { formatIp } from '../addr/ip.js';
import type { NetworkDef } from '../model/network.js';
import type { Result } from '../result.js';
import { pickBridgeName } from './fill-defaults.js';
import { withQuickSwitchDefaults } from './quick-switch.js';

export interface DefaultNetworkFacts {
  subnetsInUse: Cidr[];
  usedBridgeNames: ReadonlySet<string>;
}

/** A conflict when every private subnet or every virbrN name is taken on this host. */
export function defaultNetworkDef(facts: DefaultNetworkFacts): Result<NetworkDef> {
  const subnet = suggestFreeSubnet(facts.subnetsInUse);
  if (!subnet) {
    const inUse = facts.subnetsInUse.map(formatCidr).join(', ');
    const message = `no free private IPv4 subnet for the default network (in use: ${inUse})`;
    return { ok: false, error: { code: 'conflict', message, network: 'default' } };
  }
  const bridge = pickBridgeName('virbr%d', facts.usedBridgeNames);
  if (!bridge.ok) return { ok: false, error: { ...bridge.error, network: 'default' } };
  const def = withQuickSwitchDefaults({
    name: 'default',
    forward: { mode: 'nat', interfaces: [], pfs: [], addresses: [] },
    bridge: { name: bridge.value },
    ips: [natIp(subnet)],
    routes: [],
    portgroups: [],
  });
  return { ok: true, value: def };
}

/** Host address .1, DHCP from .2 to the last address before broadcast. */
export function natIp(subnet: Cidr): NetworkDef['ips'][number] {
  const last = addOffset(broadcastOf(subnet.address, subnet.prefix), -1n);
  return {
    address: formatIp(addOffset(subnet.address, 1n)),
    netmask: formatIp(netmaskFromPrefix(subnet.prefix, 4)),
    dhcp: { ranges: [{ start: formatIp(addOffset(subnet.address, 2n)), end: formatIp(last) }], hosts: [] },
  };
}
