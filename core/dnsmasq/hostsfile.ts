// The dhcp-hostsfile: one line per static <host> (with an ip) in dnsmasq's
// --dhcp-host syntax, exactly as libvirt writes it: IPv4 hosts by MAC (or name),
// IPv6 hosts by DUID ("id:") or name, the address in brackets.
import type { DhcpHost, IpDef, NetworkDef } from '../model/network.js';
import { ipFamily } from '../model/network.js';
import { canonicalIp } from './canonical-ip.js';
import { confValue } from './conf-value.js';
import { dhcpIpsInOrder } from './dhcp-ips.js';
import { dnsmasqLeaseTime } from './lease-time.js';

export function dnsmasqHostsfile(def: Pick<NetworkDef, 'ips'>): string {
  return dhcpIpsInOrder(def)
    .flatMap((ip) => hostLines(ip))
    .map((line) => `${line}\n`)
    .join('');
}

function hostLines(ip: IpDef): string[] {
  const v6 = ipFamily(ip) === 'ipv6';
  const lines: string[] = [];
  for (const host of ip.dhcp?.hosts ?? []) {
    // libvirt skips hosts without an address: nothing to pin.
    if (host.ip === undefined) continue;
    const fields = v6 ? ipv6Fields(host, host.ip) : ipv4Fields(host, host.ip);
    const lease = dnsmasqLeaseTime(host.lease);
    if (lease) fields.push(lease);
    lines.push(confValue(fields.join(','), 'dhcp host'));
  }
  return lines;
}

function ipv4Fields(host: DhcpHost, address: string): string[] {
  const fields = host.mac ? [host.mac, canonicalIp(address)] : [canonicalIp(address)];
  if (host.name) {
    // Without a MAC, dnsmasq matches the client by the name it sends: name,ip.
    if (host.mac) fields.push(host.name);
    else fields.unshift(host.name);
  }
  return fields;
}

function ipv6Fields(host: DhcpHost, address: string): string[] {
  const fields: string[] = [];
  if (host.id) fields.push(`id:${host.id}`);
  if (host.name) fields.push(host.name);
  fields.push(`[${canonicalIp(address)}]`);
  return fields;
}
