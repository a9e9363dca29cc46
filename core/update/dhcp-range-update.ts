// ip-dhcp-range: address ranges of one <ip>, added or deleted by exact start and
// end (virNetworkDefUpdateIPDHCPRange). Ranges cannot be modified in place.
import { ipEquals, parseIp } from '../addr/ip.js';
import type { DhcpRange, IpDef, NetworkDef } from '../model/network.js';
import type { Result } from '../result.js';
import { quote } from '../validate/problem-text.js';
import { attribute } from '../xml/xml-tree.js';
import { checkSingleDhcp, parentIpIndex } from './parent-ip.js';
import { asWritten, canonicalAddress, leaseOf, parseSnippet, posOf } from './snippet.js';
import { checkNewRange } from './snippet-rules.js';
import { ok, updateFailure } from './update-problem.js';
import { type EffectiveCommand, inserted } from './update-request.js';

export function updateDhcpRange(
  def: NetworkDef,
  command: EffectiveCommand,
  xml: string,
  parentIndex: number | undefined,
): Result<NetworkDef> {
  const root = parseSnippet(def, xml, 'range');
  if (!root.ok) return root;
  const index = parentIpIndex(def, parentIndex);
  if (!index.ok) return index;
  const el = root.value;
  const what = asWritten(el, ['start', 'end']);
  const at = posOf(el);
  if (command === 'modify')
    return updateFailure(def, what, at, 'cannot be modified; delete it and add the new range');
  const start = attribute(el, 'start');
  const end = attribute(el, 'end');
  if (start === undefined) return updateFailure(def, what, at, 'has no start attribute');
  if (end === undefined) return updateFailure(def, what, at, 'has no end attribute');
  for (const [name, value] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (!parseIp(value))
      return updateFailure(def, what, at, `${name} ${quote(value)} is not a valid IP address`);
  }
  const lease = leaseOf(def, el);
  if (!lease.ok) return lease;
  const range: DhcpRange = { at, start: canonicalAddress(start), end: canonicalAddress(end) };
  if (lease.value) range.lease = lease.value;
  const ip = def.ips[index.value] as IpDef;
  const checked = checkNewRange(def, ip, range);
  if (!checked.ok) return checked;
  const ranges = ip.dhcp?.ranges ?? [];
  const found = ranges.findIndex((r) => sameAddress(r.start, range.start) && sameAddress(r.end, range.end));
  if (command === 'delete') {
    if (found < 0) return updateFailure(def, what, at, 'matches no existing dhcp <range>');
    return ok(
      withRanges(
        def,
        index.value,
        ranges.filter((_, k) => k !== found),
      ),
    );
  }
  const single = checkSingleDhcp(def, index.value);
  if (!single.ok) return single;
  if (found >= 0) return updateFailure(def, what, at, 'is already a dhcp <range> of this <ip>');
  return ok(withRanges(def, index.value, inserted(ranges, range, command)));
}

function sameAddress(a: string, b: string): boolean {
  const x = parseIp(a);
  const y = parseIp(b);
  return x !== undefined && y !== undefined && ipEquals(x, y);
}

function withRanges(def: NetworkDef, index: number, ranges: DhcpRange[]): NetworkDef {
  return {
    ...def,
    ips: def.ips.map((ip, k) => (k === index ? { ...ip, dhcp: { hosts: [], ...ip.dhcp, ranges } } : ip)),
  };
}
