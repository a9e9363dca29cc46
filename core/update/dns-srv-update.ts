// dns-srv: <dns><srv …/> (virNetworkDefUpdateDNSSrv). A record matches when it
// agrees on every one of domain, service, protocol and target the snippet gives; an
// add is refused if any record matches, a delete needs exactly one. libvirt 9.0 has
// no modify; newer libvirt's replaces the one matching record (its port, priority
// and weight change), and so does this.
import type { DnsSrv, NetworkDef } from '../model/network.js';
import type { Result } from '../result.js';
import { quote } from '../validate/problem-text.js';
import { attribute, type XmlElement } from '../xml/xml-tree.js';
import { onlyMatch, withDnsRecord, withoutDnsRecord } from './dns-record-edit.js';
import { dnsOf } from './dns-section.js';
import { asWritten, numberAttr, parseSnippet, posOf } from './snippet.js';
import { ok, updateFailure } from './update-problem.js';
import { type EffectiveCommand, isAdd } from './update-request.js';

const SHOWN = ['service', 'protocol', 'domain', 'target', 'port', 'priority', 'weight'] as const;
const MATCHED = ['domain', 'service', 'protocol', 'target'] as const;
const SERVICE_CHARS = /^[A-Za-z0-9_\-+/*]*$/;
const PROTOCOL_CHARS = /^[A-Za-z0-9\-+/]*$/;

export function updateDnsSrv(def: NetworkDef, command: EffectiveCommand, xml: string): Result<NetworkDef> {
  const root = parseSnippet(def, xml, 'srv');
  if (!root.ok) return root;
  const what = asWritten(root.value, SHOWN);
  const at = posOf(root.value);
  const srv = srvOf(def, root.value, command === 'delete');
  if (!srv.ok) return srv;
  const matches = dnsOf(def).srvs.flatMap((s, i) =>
    MATCHED.every((k) => srv.value[k] === undefined || srv.value[k] === s[k]) ? [i] : [],
  );
  if (!isAdd(command)) {
    const found = onlyMatch(def, { what, at }, matches, 'srv');
    if (!found.ok) return found;
    if (command === 'delete') return ok(withoutDnsRecord(def, 'srvs', found.value));
    return withDnsRecord(def, 'srvs', srv.value, { command, index: found.value });
  }
  if (matches.length > 0) return updateFailure(def, what, at, 'matches an existing DNS <srv> record');
  return withDnsRecord(def, 'srvs', srv.value, { command });
}

/** virNetworkDNSSrvDefParseXML: service and protocol are required except to find a record. */
function srvOf(def: NetworkDef, el: XmlElement, partial: boolean): Result<DnsSrv> {
  const what = asWritten(el, SHOWN);
  const at = posOf(el);
  const fail = (text: string) => updateFailure(def, what, at, text);
  const service = attribute(el, 'service');
  const protocol = attribute(el, 'protocol');
  if (service === undefined && !partial) return fail('needs a service attribute');
  if (service !== undefined && !SERVICE_CHARS.test(service))
    return fail(`service ${quote(service)} may contain only letters, digits and _ - + / *`);
  if (protocol === undefined && !partial) return fail("needs a protocol attribute (e.g. 'tcp' or 'udp')");
  if (protocol !== undefined && !PROTOCOL_CHARS.test(protocol))
    return fail(`protocol ${quote(protocol)} may contain only letters, digits and - + /`);
  const srv: DnsSrv = { at };
  for (const key of ['service', 'protocol', 'domain', 'target'] as const) {
    const value = attribute(el, key);
    if (value !== undefined) srv[key] = value;
  }
  for (const key of ['port', 'priority', 'weight'] as const) {
    const value = numberAttr(def, el, key, what);
    if (!value.ok) return value;
    if (value.value !== undefined) srv[key] = value.value;
  }
  return ok(srv);
}
