// Which MACs a definition already gives a fixed address (a static <host mac>): the
// leases view shows those leases as reserved instead of offering Reserve.
import type { NetworkDef } from '../../core/model/index.js';

/** MACs (lower case) with a static <host> in DEF. */
export function reservedMacs(def: NetworkDef | undefined): Set<string> {
  const out = new Set<string>();
  for (const ip of def?.ips ?? [])
    for (const h of ip.dhcp?.hosts ?? []) if (h.mac) out.add(h.mac.toLowerCase());
  return out;
}
