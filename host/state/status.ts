// What the engine knows about a running network, beside the live XML that
// net-dumpxml prints. Written last on start and removed last on stop, so its presence
// means "fully started". A start or stop that a crash cut short left an intent
// record instead (core/plan Intent), from which reconcile finishes the job.
import type { HostChainRule } from '../../core/firewall/index.js';
import type { GuestObjects } from '../../core/plan/index.js';

export interface NetworkStatus {
  name: string;
  uuid: string;
  bridge: string;
  /** nftables table owned by this network (absent in open mode). */
  table?: string;
  /** Our accepts in the host's iptables chains, inserted at start or by reconcile later. */
  hostRules?: HostChainRule[];
  /** Isolation table, IFB, qemu access list line: what it made for its guests. */
  guests?: GuestObjects;
  dnsmasqPid?: number;
  /** false for net-create networks, and for defined networks undefined while running. */
  persistent: boolean;
  startedAt: string;
}

/** The status JSON, or undefined when it is truncated, corrupt or not a status at all. */
export function parseStatus(text: string): NetworkStatus | undefined {
  try {
    const s = JSON.parse(text) as Partial<NetworkStatus> | null;
    const ok =
      s !== null &&
      typeof s === 'object' &&
      typeof s.name === 'string' &&
      typeof s.uuid === 'string' &&
      typeof s.bridge === 'string' &&
      typeof s.persistent === 'boolean' &&
      (s.table === undefined || typeof s.table === 'string') &&
      (s.hostRules === undefined || areHostRules(s.hostRules)) &&
      (s.guests === undefined || isGuestObjects(s.guests)) &&
      (s.dnsmasqPid === undefined || Number.isInteger(s.dnsmasqPid));
    return ok ? (s as NetworkStatus) : undefined;
  } catch {
    return undefined;
  }
}

/** The shape of recorded host rules (status and intent records); anything else is damage. */
export function areHostRules(v: unknown): v is HostChainRule[] {
  return (
    Array.isArray(v) &&
    v.every(
      (r: Partial<HostChainRule> | null) =>
        typeof r === 'object' &&
        r !== null &&
        (r.family === 'ipv4' || r.family === 'ipv6') &&
        (r.chain === 'INPUT' || r.chain === 'FORWARD' || r.chain === 'OUTPUT') &&
        typeof r.comment === 'string' &&
        Array.isArray(r.args) &&
        r.args.every((a) => typeof a === 'string'),
    )
  );
}

/** The shape of a GuestObjects record read back from a file. */
export function isGuestObjects(v: unknown): v is GuestObjects {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const g = v as Record<string, unknown>;
  return (['isolationTable', 'ifb', 'qemuAcl'] as const).every(
    (k) => g[k] === undefined || typeof g[k] === 'string',
  );
}
