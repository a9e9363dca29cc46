// <dns>, <ip> and <route> as libvirt prints them (virNetworkDNSDefFormat,
// virNetworkIPDefFormat, virNetDevIPRouteFormat).
import type { DnsDef, IpDef, LeaseTime, RouteDef } from '../model/network.js';
import { attr, escapeXml, type XmlWriter } from './xml-writer.js';

export function formatDns(w: XmlWriter, dns: DnsDef | undefined): void {
  if (!dns) return;
  const records = dns.forwarders.length + dns.txts.length + dns.srvs.length + dns.hosts.length;
  if (records === 0 && !dns.enable && !dns.forwardPlainNames) return;
  const head = `<dns${attr('enable', dns.enable)}${attr('forwardPlainNames', dns.forwardPlainNames)}`;
  if (records === 0) {
    w.line(`${head}/>`);
    return;
  }
  w.open(`${head}>`);
  for (const f of dns.forwarders) w.line(`<forwarder${attr('domain', f.domain)}${attr('addr', f.addr)}/>`);
  for (const t of dns.txts) w.line(`<txt${attr('name', t.name)}${attr('value', t.value)}/>`);
  for (const s of dns.srvs) {
    // libvirt skips a record missing either, and zero numbers mean unset.
    if (s.service === undefined || s.protocol === undefined) continue;
    w.line(
      `<srv${attr('service', s.service)}${attr('protocol', s.protocol)}${attr('domain', s.domain)}` +
        `${attr('target', s.target)}${attr('port', s.port || undefined)}` +
        `${attr('priority', s.priority || undefined)}${attr('weight', s.weight || undefined)}/>`,
    );
  }
  for (const h of dns.hosts) {
    w.open(`<host${attr('ip', h.ip)}>`);
    for (const name of h.hostnames) w.line(`<hostname>${escapeXml(name)}</hostname>`);
    w.close('</host>');
  }
  w.close('</dns>');
}

export function formatIp(w: XmlWriter, ip: IpDef): void {
  // A prefix of 0 means "not given" to libvirt.
  const prefix = ip.prefix ? ip.prefix : undefined;
  w.open(
    `<ip${attr('family', ip.family)}${attr('address', ip.address)}${attr('netmask', ip.netmask)}` +
      `${attr('prefix', prefix)}${attr('localPtr', ip.localPtr)}>`,
  );
  if (ip.tftp) w.line(`<tftp${attr('root', ip.tftp.root)}/>`);
  const dhcp = ip.dhcp;
  // A <dhcp> with only <bootp> is not printed: libvirt prints the block for ranges or hosts.
  if (dhcp && (dhcp.ranges.length > 0 || dhcp.hosts.length > 0)) {
    w.open('<dhcp>');
    for (const r of dhcp.ranges)
      withLease(w, `<range${attr('start', r.start)}${attr('end', r.end)}`, 'range', r.lease);
    for (const h of dhcp.hosts) {
      const head = `<host${attr('mac', h.mac)}${attr('id', h.id)}${attr('name', h.name)}${attr('ip', h.ip)}`;
      withLease(w, head, 'host', h.lease);
    }
    if (dhcp.bootp) w.line(`<bootp${attr('file', dhcp.bootp.file)}${attr('server', dhcp.bootp.server)}/>`);
    w.close('</dhcp>');
  }
  w.close('</ip>');
}

function withLease(w: XmlWriter, head: string, tag: string, lease: LeaseTime | undefined): void {
  if (!lease) {
    w.line(`${head}/>`);
    return;
  }
  w.open(`${head}>`);
  // Infinite (0) has no unit; otherwise the unit is always printed, minutes by default.
  const unit = lease.expiry ? (lease.unit ?? 'minutes') : undefined;
  w.line(`<lease${attr('expiry', lease.expiry)}${attr('unit', unit)}/>`);
  w.close(`</${tag}>`);
}

export function formatRoute(w: XmlWriter, route: RouteDef): void {
  const metric = route.metric ? route.metric : undefined;
  w.line(
    `<route${attr('family', route.family)}${attr('address', route.address)}${attr('netmask', route.netmask)}` +
      `${attr('prefix', route.prefix)}${attr('gateway', route.gateway)}${attr('metric', metric)}/>`,
  );
}
