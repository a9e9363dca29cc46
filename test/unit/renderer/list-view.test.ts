import { describe, expect, it } from 'vitest';
import type { NetworkRow } from '../../../contract/ipc.js';
import { firstFreeName, toggleSort, visibleRows } from '../../../renderer/src/features/networks/list-view.js';

const row = (name: string, over: Partial<NetworkRow> = {}): NetworkRow => ({
  name,
  uuid: '',
  active: false,
  persistent: true,
  autostart: false,
  mode: 'nat',
  leaseCount: 0,
  portCount: 0,
  userAttach: false,
  pendingChanges: false,
  xmlDigest: '0',
  ...over,
});

const rows = [
  row('default', { active: true, bridge: 'virbr0', ipv4: '192.168.122.0/24', leaseCount: 3 }),
  row('lab10', { bridge: 'virbr10', ipv4: '10.0.0.0/24', mode: 'isolated' }),
  row('lab2', { active: true, bridge: 'virbr2', ipv4: '192.168.2.0/24', mode: 'route' }),
];
const names = (r: NetworkRow[]) => r.map((x) => x.name);
const q = { search: '', filter: 'all' as const, sort: { key: 'name' as const, dir: 'asc' as const } };

describe('network list view', () => {
  it('sorts names naturally (lab2 before lab10) and flips direction', () => {
    expect(names(visibleRows(rows, q))).toEqual(['default', 'lab2', 'lab10']);
    expect(names(visibleRows(rows, { ...q, sort: { key: 'name', dir: 'desc' } }))).toEqual([
      'lab10',
      'lab2',
      'default',
    ]);
  });

  it('sorts subnets numerically', () => {
    expect(names(visibleRows(rows, { ...q, sort: { key: 'ipv4', dir: 'asc' } }))).toEqual([
      'lab10',
      'lab2',
      'default',
    ]);
  });

  it('filters by state and searches name, bridge and subnet', () => {
    expect(names(visibleRows(rows, { ...q, filter: 'active' }))).toEqual(['default', 'lab2']);
    expect(names(visibleRows(rows, { ...q, filter: 'inactive' }))).toEqual(['lab10']);
    expect(names(visibleRows(rows, { ...q, search: 'virbr1' }))).toEqual(['lab10']);
    expect(names(visibleRows(rows, { ...q, search: '192.168.122' }))).toEqual(['default']);
    expect(names(visibleRows(rows, { ...q, search: 'ISOLATED' }))).toEqual(['lab10']);
  });

  it('does not reorder the caller’s array', () => {
    const input = [...rows].reverse();
    visibleRows(input, q);
    expect(names(input)).toEqual(['lab2', 'lab10', 'default']);
  });

  it('toggles sort direction on the same column only', () => {
    expect(toggleSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(toggleSort({ key: 'name', dir: 'desc' }, 'bridge')).toEqual({ key: 'bridge', dir: 'asc' });
  });

  it('names new networks network, network1, network2…', () => {
    expect(firstFreeName([])).toBe('network');
    expect(firstFreeName(['network', 'network1', 'network3'])).toBe('network2');
    expect(firstFreeName(['lab-clone'], 'lab-clone')).toBe('lab-clone1');
  });
});
