// What the Overview says about a definition, as label/value pairs: what it does (mode,
// uplink), where (subnet, range, lease time), who has a fixed address, DNS, MTU, IPv6.
import { formatCidr, formatIp, ipDefCidr, ipDefInterface } from '../../../../core/addr/index.js';
import {
  effectiveMode,
  type IpDef,
  ipFamily,
  type LeaseTime,
  type NetworkDef,
} from '../../../../core/model/index.js';
import { modeLabel } from './mode-labels.js';

export interface Fact {
  label: string;
  value: string;
  mono?: boolean;
}

export function leaseText(lease: LeaseTime | undefined): string {
  if (!lease) return '1 hour (default)';
  if (lease.expiry === 0) return 'never expires';
  const unit = lease.unit ?? 'minutes';
  return `${lease.expiry} ${lease.expiry === 1 ? unit.replace(/s$/, '') : unit}`;
}

function addressText(ip: IpDef | undefined): string {
  const own = ip && ipDefInterface(ip);
  const net = ip && ipDefCidr(ip);
  return own && net ? `${formatIp(own.address)} on ${formatCidr(net)}` : '—';
}

export function uplinkText(def: NetworkDef): string {
  const mode = effectiveMode(def);
  if (mode === 'isolated') return 'none (isolated)';
  return def.forward?.dev ?? 'any interface (host routes)';
}

export function overviewFacts(def: NetworkDef): Fact[] {
  const v4 = def.ips.find((ip) => ipFamily(ip) === 'ipv4');
  const v6 = def.ips.find((ip) => ipFamily(ip) === 'ipv6');
  const range = v4?.dhcp?.ranges[0];
  const hosts = v4?.dhcp?.hosts ?? [];
  const dnsHosts = def.dns?.hosts ?? [];
  return [
    { label: 'Mode', value: modeLabel[effectiveMode(def)] },
    { label: 'Uplink', value: uplinkText(def), mono: !!def.forward?.dev },
    { label: 'IPv4', value: v4 ? addressText(v4) : 'none (layer 2 only)', mono: !!v4 },
    {
      label: 'DHCP range',
      value: range ? `${range.start} – ${range.end}` : v4 ? 'off' : '—',
      mono: !!range,
    },
    ...(range ? [{ label: 'Lease time', value: leaseText(range.lease) }] : []),
    {
      label: 'Static hosts',
      value: hosts.length
        ? hosts.map((h) => `${h.ip ?? '?'} ${h.name ?? h.mac ?? ''}`.trim()).join(', ')
        : 'none',
      mono: hosts.length > 0,
    },
    { label: 'DNS domain', value: def.domain?.name ?? 'none', mono: !!def.domain },
    ...(dnsHosts.length
      ? [
          {
            label: 'DNS hosts',
            value: dnsHosts.map((h) => `${h.ip} ${h.hostnames.join(' ')}`).join(', '),
            mono: true,
          },
        ]
      : []),
    { label: 'MTU', value: def.mtu ? String(def.mtu.size) : 'default' },
    { label: 'IPv6', value: v6 ? addressText(v6) : 'none', mono: !!v6 },
  ];
}
