// Hand-built definitions, so these tests do not depend on the XML parser.
import type { DhcpDef, ForwardDef, IpDef, NetworkDef } from '../../../core/model/network.js';

export function network(over: Partial<NetworkDef> = {}): NetworkDef {
  return { name: 'lab', ips: [], routes: [], portgroups: [], ...over };
}

export function dhcp(over: Partial<DhcpDef> = {}): DhcpDef {
  return { ranges: [], hosts: [], ...over };
}

export const lan4: IpDef = {
  address: '192.168.50.1',
  netmask: '255.255.255.0',
  dhcp: dhcp({ ranges: [{ start: '192.168.50.10', end: '192.168.50.19' }] }),
};

export const nat: ForwardDef = { mode: 'nat', interfaces: [], pfs: [], addresses: [] };
