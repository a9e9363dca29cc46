// dns-host: <dns><host ip><hostname>… (virNetworkDefUpdateDNSHost). An add is refused
// when a record has the same ip (several records may share a hostname); a delete
// needs exactly one record with the same ip or sharing a hostname. libvirt 9.0 has
// no modify; libvirt >= 10.6 replaces the hostnames of the record with the same ip,
// and so does this.
import { ipEquals, parseIp } from '../addr/ip.js';
import type { DnsHost, NetworkDef } from '../model/network.js';
import type { Result } from '../result.js';
import { quote } from '../validate/problem-text.js';
import { attribute, childElements, textContent, type XmlElement } from '../xml/xml-tree.js';
import { onlyMatch, withDnsRecord, withoutDnsRecord } from './dns-record-edit.js';
import { dnsOf } from './dns-section.js';
import { asWritten, canonicalAddress, parseSnippet, posOf } from './snippet.js';
import { ok, updateFailure } from './update-problem.js';
import { type EffectiveCommand, isAdd } from './update-request.js';

export function updateDnsHost(def: NetworkDef, command: EffectiveCommand, xml: string): Result<NetworkDef> {
  const root = parseSnippet(def, xml, 'host');
  if (!root.ok) return root;
  const what = asWritten(root.value, ['ip']);
  const at = posOf(root.value);
  const host = dnsHostOf(def, root.value, command === 'delete');
  if (!host.ok) return host;
  const hosts = dnsOf(def).hosts;
  if (command === 'modify') {
    const index = hosts.findIndex((h) => sameIp(host.value.ip, h.ip));
    if (index < 0) return updateFailure(def, what, at, 'matches no DNS <host> record by ip');
    return withDnsRecord(def, 'hosts', host.value, { command, index });
  }
  const matches = hosts.flatMap((h, i) =>
    sameIp(host.value.ip, h.ip) || (!isAdd(command) && sharesName(host.value, h)) ? [i] : [],
  );
  if (command === 'delete') {
    const gone = onlyMatch(def, { what, at }, matches, 'host');
    return gone.ok ? ok(withoutDnsRecord(def, 'hosts', gone.value)) : gone;
  }
  if (matches.length > 0) return updateFailure(def, what, at, 'has the ip of an existing DNS <host> record');
  return withDnsRecord(def, 'hosts', host.value, { command });
}

/** virNetworkDNSHostDefParseXML: a delete may give only the ip or only hostnames. */
function dnsHostOf(def: NetworkDef, el: XmlElement, partial: boolean): Result<DnsHost> {
  const what = asWritten(el, ['ip']);
  const at = posOf(el);
  const hostnames = childElements(el, 'hostname').map(textContent);
  const ip = attribute(el, 'ip');
  if (hostnames.some((n) => n === '')) return updateFailure(def, what, at, 'has an empty <hostname>');
  if (hostnames.length === 0 && !partial)
    return updateFailure(def, what, at, 'needs at least one <hostname>');
  if (ip !== undefined && !parseIp(ip))
    return updateFailure(def, what, at, `ip ${quote(ip)} is not a valid IP address`);
  if (ip === undefined && !partial) return updateFailure(def, what, at, 'has no ip attribute');
  if (ip === undefined && hostnames.length === 0)
    return updateFailure(def, what, at, 'needs an ip or a <hostname> to find the record by');
  return ok({ at, ip: ip === undefined ? '' : canonicalAddress(ip), hostnames });
}

function sameIp(a: string, b: string): boolean {
  const x = a === '' ? undefined : parseIp(a);
  const y = parseIp(b);
  return x !== undefined && y !== undefined && ipEquals(x, y);
}

const sharesName = (a: DnsHost, b: DnsHost): boolean => a.hostnames.some((n) => b.hostnames.includes(n));
