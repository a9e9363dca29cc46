// The definition of a running network as libvirt reports it (net-dumpxml while
// active): a NAT network shows the source-port range its masquerade maps guests
// to, <nat><port start='1024' end='65535'/>, when the saved definition leaves it
// to that default (libvirt fills it in at start; the firewall maps to the same range).
import { DEFAULT_NAT_PORTS } from '../firewall/index.js';
import { effectiveMode, type NetworkDef } from '../model/network.js';

export function liveDefinition(def: NetworkDef): NetworkDef {
  const fwd = def.forward;
  if (!fwd || effectiveMode(def) !== 'nat' || fwd.nat?.portStart || fwd.nat?.portEnd) return def;
  const nat = { ...fwd.nat, portStart: DEFAULT_NAT_PORTS.start, portEnd: DEFAULT_NAT_PORTS.end };
  return { ...def, forward: { ...fwd, nat } };
}
