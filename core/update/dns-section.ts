// The <dns> element the dns-* sections change: created on the first record, and
// dropped again when the last record goes and it says nothing else, as libvirt
// (which never prints an empty <dns/>) does.
import type { DnsDef, NetworkDef } from '../model/network.js';

export function dnsOf(def: NetworkDef): DnsDef {
  return def.dns ?? { forwarders: [], txts: [], hosts: [], srvs: [] };
}

export function withDns(def: NetworkDef, dns: DnsDef): NetworkDef {
  const records = dns.forwarders.length + dns.txts.length + dns.hosts.length + dns.srvs.length;
  if (records === 0 && dns.enable === undefined && dns.forwardPlainNames === undefined) {
    const { dns: _gone, ...rest } = def;
    return rest;
  }
  return { ...def, dns };
}
