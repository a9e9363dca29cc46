// What the list shows: search, the active/inactive filter and the sort, as a pure
// function of the rows so it is cheap to test and to rerun on every keystroke.
import type { NetworkRow } from '../../../../contract/ipc.js';

export type StateFilter = 'all' | 'active' | 'inactive';
export type SortKey =
  | 'name'
  | 'state'
  | 'autostart'
  | 'persistent'
  | 'mode'
  | 'bridge'
  | 'ipv4'
  | 'leaseCount'
  | 'portCount';
export interface SortOrder {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface ListQuery {
  search: string;
  filter: StateFilter;
  sort: SortOrder;
}

export function visibleRows(rows: readonly NetworkRow[], q: ListQuery): NetworkRow[] {
  const needle = q.search.trim().toLowerCase();
  const shown = rows.filter((r) => matchesFilter(r, q.filter) && (needle === '' || matchesSearch(r, needle)));
  const sign = q.sort.dir === 'asc' ? 1 : -1;
  return shown.sort((a, b) => sign * compareBy(a, b, q.sort.key) || natural.compare(a.name, b.name));
}

function matchesFilter(r: NetworkRow, f: StateFilter): boolean {
  if (f === 'all') return true;
  return f === 'active' ? r.active : !r.active;
}

function matchesSearch(r: NetworkRow, needle: string): boolean {
  return [r.name, r.bridge, r.ipv4, r.ipv6, r.mode, r.uplink].some((v) => v?.toLowerCase().includes(needle));
}

// One collator for every comparison: localeCompare with options builds a new one each call.
const natural = new Intl.Collator(undefined, { numeric: true });

function compareBy(a: NetworkRow, b: NetworkRow, key: SortKey): number {
  switch (key) {
    case 'name':
      return natural.compare(a.name, b.name);
    case 'state':
      return Number(b.active) - Number(a.active);
    case 'autostart':
      return Number(b.autostart) - Number(a.autostart);
    case 'persistent':
      return Number(b.persistent) - Number(a.persistent);
    case 'mode':
      return natural.compare(a.mode, b.mode);
    case 'bridge':
      return natural.compare(a.bridge ?? '', b.bridge ?? '');
    case 'ipv4':
      return subnetKey(a.ipv4) - subnetKey(b.ipv4);
    case 'leaseCount':
      return a.leaseCount - b.leaseCount;
    case 'portCount':
      return a.portCount - b.portCount;
  }
}

/** Numeric order of dotted quads, so 10.0.0.0 sorts before 192.168.x.x; none last. */
function subnetKey(cidr: string | undefined): number {
  if (!cidr) return Number.MAX_SAFE_INTEGER;
  const [a = 0, b = 0, c = 0, d = 0] = cidr.split('/')[0]!.split('.').map(Number);
  return ((a * 256 + b) * 256 + c) * 256 + d;
}

/** Clicking the sorted column flips it; another column starts ascending. */
export function toggleSort(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: 'asc' };
}

/** The first of network, network1, network2, … that no network has. */
export function firstFreeName(taken: Iterable<string>, base = 'network'): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 1; ; i++) if (!used.has(`${base}${i}`)) return `${base}${i}`;
}
