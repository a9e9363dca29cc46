// NetworkDef -> XML exactly as libvirt's virNetworkDefFormat prints it: element
// and attribute order, the defaults libvirt shows (stp/delay for bridges it
// creates, mode='nat', the device pool), and nothing libvirt's parser would not
// have filled in (no generated UUID, MAC or bridge name).
import type { NetworkDef } from '../model/network.js';
import { DNSMASQ_NAMESPACE, DNSMASQ_PREFIX } from './dnsmasq-namespace.js';
import { formatBridge, formatForward } from './format-forward.js';
import { formatDns, formatIp, formatRoute } from './format-ip.js';
import { formatBandwidth, formatPortgroup, formatVirtualPort, formatVlan } from './format-netdev.js';
import { attr, escapeXml, XmlWriter } from './xml-writer.js';

export interface FormatOptions {
  /** VIR_NETWORK_XML_INACTIVE: the stored definition, without live-only data. */
  inactive?: boolean;
}

export function formatNetworkXml(def: NetworkDef, opts: FormatOptions = {}): string {
  const inactive = opts.inactive ?? false;
  const w = new XmlWriter();
  w.open(`<network${rootAttributes(def, inactive)}>`);
  w.line(`<name>${escapeXml(def.name)}</name>`);
  if (def.uuid !== undefined) w.line(`<uuid>${escapeXml(def.uuid)}</uuid>`);
  if (def.title !== undefined) w.line(`<title>${escapeXml(def.title)}</title>`);
  if (def.description !== undefined) w.line(`<description>${escapeXml(def.description)}</description>`);
  if (def.metadata !== undefined) w.line(def.metadata);
  formatForward(w, def.forward, inactive);
  formatBridge(w, def);
  if (def.mtu?.size) w.line(`<mtu${attr('size', def.mtu.size)}/>`);
  if (def.mac) w.line(`<mac${attr('address', def.mac.address)}/>`);
  if (def.domain) {
    const d = def.domain;
    w.line(
      `<domain${attr('name', d.name)}${attr('localOnly', d.localOnly)}${attr('register', d.register)}/>`,
    );
  }
  formatDns(w, def.dns);
  formatVlan(w, def.vlan);
  formatBandwidth(w, def.bandwidth);
  if (def.port?.isolated) w.line(`<port${attr('isolated', def.port.isolated)}/>`);
  for (const ip of def.ips) formatIp(w, ip);
  for (const route of def.routes) formatRoute(w, route);
  formatVirtualPort(w, def.virtualport);
  for (const group of def.portgroups) formatPortgroup(w, group);
  formatDnsmasqOptions(w, def);
  w.close('</network>');
  return w.toString();
}

function rootAttributes(def: NetworkDef, inactive: boolean): string {
  // libvirt declares the dnsmasq namespace only when there are options to print.
  const xmlns = def.dnsmasqOptions?.length ? attr(`xmlns:${DNSMASQ_PREFIX}`, DNSMASQ_NAMESPACE) : '';
  const connections = !inactive && def.connections ? def.connections : undefined;
  const ipv6 = def.ipv6 === 'yes' ? 'yes' : undefined;
  return `${xmlns}${attr('connections', connections)}${attr('ipv6', ipv6)}${attr('trustGuestRxFilters', def.trustGuestRxFilters)}`;
}

function formatDnsmasqOptions(w: XmlWriter, def: NetworkDef): void {
  const options = def.dnsmasqOptions ?? [];
  if (options.length === 0) return;
  w.open(`<${DNSMASQ_PREFIX}:options>`);
  for (const option of options) w.line(`<${DNSMASQ_PREFIX}:option${attr('value', option.value)}/>`);
  w.close(`</${DNSMASQ_PREFIX}:options>`);
}
