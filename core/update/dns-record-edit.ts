// What the dns-host, dns-txt and dns-srv updates do once they know which record a
// snippet means: take one out, or check the new record as validation would and put it
// in (in place of the old one for modify, at the command's end for an add). The three
// differ only in how a snippet finds its record, which stays in each section's file.
import type { DnsDef, NetworkDef, Pos } from '../model/network.js';
import type { Result } from '../result.js';
import { dnsOf, withDns } from './dns-section.js';
import { checkNewDnsRecord } from './snippet-rules.js';
import { ok, updateFailure } from './update-problem.js';
import { type EffectiveCommand, inserted } from './update-request.js';

type RecordList = 'hosts' | 'txts' | 'srvs';
type RecordOf<L extends RecordList> = DnsDef[L][number];

/** DEF without the record at INDEX of LIST. */
export function withoutDnsRecord(def: NetworkDef, list: RecordList, index: number): NetworkDef {
  const dns = dnsOf(def);
  return withDns(def, { ...dns, [list]: dns[list].filter((_, k) => k !== index) });
}

/** DEF with RECORD in LIST: at INDEX for modify, else where the add command puts it. */
export function withDnsRecord<L extends RecordList>(
  def: NetworkDef,
  list: L,
  record: RecordOf<L>,
  put: { command: EffectiveCommand; index?: number },
): Result<NetworkDef> {
  const checked = checkNewDnsRecord(def, { [list]: [record] });
  if (!checked.ok) return checked;
  const dns = dnsOf(def);
  const records = dns[list] as RecordOf<L>[];
  const next =
    put.command === 'modify'
      ? records.map((r, k) => (k === put.index ? record : r))
      : inserted(records, record, put.command);
  return ok(withDns(def, { ...dns, [list]: next }));
}

/** The one record a delete or modify means: none or several is refused, naming how many. */
export function onlyMatch(
  def: NetworkDef,
  snippet: { what: string; at: Pos | undefined },
  matches: readonly number[],
  kind: string,
): Result<number> {
  const { what, at } = snippet;
  const [first] = matches;
  if (first === undefined) return updateFailure(def, what, at, `matches no DNS <${kind}> record`);
  if (matches.length > 1)
    return updateFailure(def, what, at, `matches ${matches.length} DNS <${kind}> records; be more specific`);
  return ok(first);
}
