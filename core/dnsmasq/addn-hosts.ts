// The addn-hosts file: <dns><host ip><hostname>… in /etc/hosts format, one line per
// <host>, so dnsmasq answers those names (and their PTRs) for the guests.
import type { NetworkDef } from '../model/network.js';
import { canonicalIp } from './canonical-ip.js';
import { confValue } from './conf-value.js';

export function dnsmasqAddnHosts(def: Pick<NetworkDef, 'dns'>): string {
  const lines: string[] = [];
  for (const host of def.dns?.hosts ?? []) {
    if (host.hostnames.length === 0) continue;
    const names = host.hostnames.map((name) => confValue(name, 'dns hostname'));
    lines.push(`${canonicalIp(host.ip)}\t${names.join('\t')}\n`);
  }
  return lines.join('');
}
