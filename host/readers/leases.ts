// DHCP leases from dnsmasq's own lease file (no root needed: the file is world-readable).
// Each IPv4 line: EXPIRY MAC IP HOSTNAME CLIENT-ID; a `duid SERVER-DUID` line precedes
// IPv6 lines: EXPIRY IAID IP HOSTNAME CLIENT-DUID. `*` means unknown.
import { dnsmasqFilePath, type HostPaths } from '../paths.js';
import { readText } from '../state/state-store.js';

export interface Lease {
  /** Seconds since the epoch; 0 for infinite leases. */
  expiry: number;
  mac: string | undefined;
  protocol: 'ipv4' | 'ipv6';
  ip: string;
  prefix: number | undefined;
  hostname: string | undefined;
  clientId: string | undefined;
}

export function parseLeaseFile(text: string): Lease[] {
  const leases: Lease[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || f[0] === 'duid') continue;
    const [expiry, macOrIaid, ip, hostname, clientId] = f as [string, string, string, string, string?];
    const v6 = ip.includes(':');
    leases.push({
      expiry: Number(expiry),
      mac: v6 ? undefined : macOrIaid,
      protocol: v6 ? 'ipv6' : 'ipv4',
      ip,
      prefix: undefined,
      hostname: known(hostname),
      clientId: known(clientId),
    });
  }
  return leases;
}

const known = (v: string | undefined): string | undefined => (v === undefined || v === '*' ? undefined : v);

export function readLeases(paths: HostPaths, name: string): Lease[] {
  return parseLeaseFile(readText(dnsmasqFilePath(paths, name, 'leases')) ?? '');
}
