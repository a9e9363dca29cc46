// What the leases table shows for each lease: time left, and whether Reserve can
// apply to it (main says whether it is reserved already).
import type { Lease } from '../../../../contract/ipc.js';

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

/** Only IPv4 leases with a MAC can become <host mac ip>; IPv6 hosts are keyed by DUID. */
export function canReserve(lease: Lease): lease is Lease & { mac: string } {
  return lease.mac !== undefined && !lease.ip.includes(':');
}
