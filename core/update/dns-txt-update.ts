// dns-txt: <dns><txt name value/> (virNetworkDefUpdateDNSTxt), matched by name.
// A delete may omit the value. libvirt 9.0 has no modify; libvirt >= 10.6 gives the
// record of that name the new value, and so does this.
import type { DnsTxt, NetworkDef } from '../model/network.js';
import type { Result } from '../result.js';
import { quote } from '../validate/problem-text.js';
import { attribute } from '../xml/xml-tree.js';
import { withDnsRecord, withoutDnsRecord } from './dns-record-edit.js';
import { dnsOf } from './dns-section.js';
import { asWritten, parseSnippet, posOf } from './snippet.js';
import { ok, updateFailure } from './update-problem.js';
import type { EffectiveCommand } from './update-request.js';

export function updateDnsTxt(def: NetworkDef, command: EffectiveCommand, xml: string): Result<NetworkDef> {
  const root = parseSnippet(def, xml, 'txt');
  if (!root.ok) return root;
  const el = root.value;
  const what = asWritten(el, ['name', 'value']);
  const at = posOf(el);
  const name = attribute(el, 'name');
  const value = attribute(el, 'value');
  if (name === undefined) return updateFailure(def, what, at, 'has no name attribute');
  if (/[ ,]/.test(name))
    return updateFailure(def, what, at, `name ${quote(name)} may not contain spaces or commas`);
  if (value === undefined && command !== 'delete')
    return updateFailure(def, what, at, 'has no value attribute');
  const found = dnsOf(def).txts.findIndex((t) => t.name === name);
  if (command === 'delete') {
    if (found < 0) return updateFailure(def, what, at, 'matches no DNS <txt> record');
    return ok(withoutDnsRecord(def, 'txts', found));
  }
  if (command === 'modify' && found < 0)
    return updateFailure(def, what, at, 'matches no DNS <txt> record by name');
  if (command !== 'modify' && found >= 0)
    return updateFailure(def, what, at, 'has the name of an existing DNS <txt> record');
  const txt: DnsTxt = { at, name, value: value ?? '' };
  return withDnsRecord(def, 'txts', txt, { command, index: found });
}
