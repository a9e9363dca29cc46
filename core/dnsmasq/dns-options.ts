// The DNS part of the config, in libvirt's order: upstream servers, domain,
// local PTR zones, plain-name handling (before the interface lines), then TXT and
// SRV records (after them).
import { ipDefCidr } from '../addr/ip-def.js';
import type { DnsSrv, NetworkDef } from '../model/network.js';
import { canonicalIp } from './canonical-ip.js';
import { confValue } from './conf-value.js';
import { ptrDomain } from './ptr-domain.js';

export function forwarderLines(def: NetworkDef): string[] {
  const lines: string[] = [];
  // An upstream without a domain answers every other query, so the host's
  // resolv.conf is no longer needed.
  let noResolv = false;
  for (const fwd of def.dns?.forwarders ?? []) {
    const domain = fwd.domain === undefined ? '' : `/${confValue(fwd.domain, 'forwarder domain')}/`;
    // An address-less forwarder means "never forward this domain" ('#').
    const target = fwd.addr === undefined ? '#' : canonicalIp(fwd.addr);
    if (fwd.addr !== undefined && fwd.domain === undefined) noResolv = true;
    lines.push(`server=${domain}${target}`);
  }
  if (noResolv) lines.push('no-resolv');
  return lines;
}

export function domainLines(def: NetworkDef): string[] {
  if (!def.domain) return [];
  const name = confValue(def.domain.name, 'domain name');
  const lines = def.domain.localOnly === 'yes' ? [`local=/${name}/`] : [];
  lines.push(`domain=${name}`, 'expand-hosts');
  return lines;
}

export function localPtrLines(def: NetworkDef): string[] {
  const lines: string[] = [];
  for (const ip of def.ips) {
    if (ip.localPtr !== 'yes') continue;
    const net = ipDefCidr(ip);
    const zone = net && ptrDomain(net);
    if (!zone) {
      throw new Error(`<ip address='${ip.address}'> localPtr needs a prefix on a label boundary`);
    }
    lines.push(`local=/${zone}/`);
  }
  return lines;
}

export function plainNameLines(def: NetworkDef): string[] {
  if (def.dns?.forwardPlainNames !== 'no') return [];
  // local=// keeps names without a dot from leaking to the upstream servers.
  return ['domain-needed', 'local=//'];
}

export function recordLines(def: NetworkDef): string[] {
  const txts = (def.dns?.txts ?? []).map(
    (txt) => `txt-record=${confValue(txt.name, 'txt name')},${confValue(txt.value, 'txt value')}`,
  );
  return [...txts, ...(def.dns?.srvs ?? []).map(srvLine)];
}

/**
 * srv-host=_service._proto[.domain][,target[,port[,priority[,weight]]]]. Fields are
 * positional, so a later one forces the earlier ones (port 1, priority 0 as
 * libvirt writes them); a target of '.' means "no such service" and takes none.
 */
function srvLine(srv: DnsSrv): string {
  let line = `srv-host=_${srv.service ?? ''}._${srv.protocol ?? ''}`;
  if (srv.domain) line += `.${srv.domain}`;
  if (srv.target && srv.target !== '.') {
    line += `,${srv.target}`;
    const { port, priority, weight } = srv;
    if (port || priority || weight) line += `,${port || 1}`;
    if (priority || weight) line += `,${priority ?? 0}`;
    if (weight) line += `,${weight}`;
  }
  return confValue(line, 'srv record');
}
