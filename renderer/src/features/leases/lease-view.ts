// What the leases table shows for each lease: time left, whether it is already a
// static <host> of the running network (then Reserve has nothing to do).
import type { Lease } from '../../../../contract/ipc.js';
import { parseNetworkXml } from '../../../../core/xml/parse-network.js';

/** "infinite", "expired", or h/m/s left, from the lease's epoch seconds. */
export function timeLeft(expiry: number, nowMs: number): string {
  if (expiry === 0) return 'infinite';
  const s = Math.floor(expiry - nowMs / 1000);
  if (s <= 0) return 'expired';
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(sec).padStart(2, '0')}s`;
  return `${sec}s`;
}

/** MACs (lower case) with a static <host> in the given network XML. */
export function reservedMacs(xml: string | undefined): Set<string> {
  const out = new Set<string>();
  if (!xml) return out;
  const parsed = parseNetworkXml(xml);
  if (!parsed.ok) return out;
  for (const ip of parsed.value.ips)
    for (const h of ip.dhcp?.hosts ?? []) if (h.mac) out.add(h.mac.toLowerCase());
  return out;
}

/** Only IPv4 leases with a MAC can become <host mac ip>; IPv6 hosts are keyed by DUID. */
export function canReserve(lease: Lease): lease is Lease & { mac: string } {
  return lease.mac !== undefined && !lease.ip.includes(':');
}
