// The files of one network's dnsmasq instance. Network names may hold quotes,
// spaces, ';' or newlines, so every path is built from the injective file stem in
// core/names (the same one the host layer uses for definitions and status files).
import { fileStem } from '../names/file-stem.js';

/** Maps any network name to a unique stem of [A-Za-z0-9_+-] and %XX; never '.' or '..'. */
export function safeFileStem(name: string): string {
  return fileStem(name);
}

export interface DnsmasqPaths {
  conf: string;
  hostsfile: string;
  addnhosts: string;
  leases: string;
}

export function dnsmasqPaths(stateDir: string, networkName: string): DnsmasqPaths {
  const base = `${stateDir.replace(/\/+$/, '')}/${safeFileStem(networkName)}`;
  return {
    conf: `${base}.conf`,
    hostsfile: `${base}.hostsfile`,
    addnhosts: `${base}.addnhosts`,
    leases: `${base}.leases`,
  };
}
