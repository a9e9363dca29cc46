// The subnet the app suggests: no overlap with the host's addresses and routes nor
// with any network Switchyard knows (running or not, so starting it later is safe).

import type { HostFacts, NetworkRow } from '../../../../contract/ipc.js';
import { type Cidr, formatCidr, parseCidr, suggestFreeSubnet } from '../../../../core/addr/index.js';

export function subnetsInUse(facts: HostFacts, rows: readonly NetworkRow[]): { cidr: Cidr; user: string }[] {
  const out: { cidr: Cidr; user: string }[] = [];
  for (const s of facts.subnetsInUse) {
    const cidr = parseCidr(s.cidr);
    // A default route says nothing about who uses a subnet.
    if (cidr && cidr.prefix > 0) out.push({ cidr, user: `interface ${s.dev}` });
  }
  for (const r of rows) {
    const cidr = r.ipv4 ? parseCidr(r.ipv4) : undefined;
    if (cidr) out.push({ cidr, user: `network '${r.name}'` });
  }
  return out;
}

export function freeSubnet(facts: HostFacts, rows: readonly NetworkRow[]): string | undefined {
  const found = suggestFreeSubnet(subnetsInUse(facts, rows).map((u) => u.cidr));
  return found && formatCidr(found);
}
