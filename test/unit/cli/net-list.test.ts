// net-list's filters and output choice, as virsh 9.0 applies them (checked against
// virsh on the same networks: see test/integration/virsh-parity.test.ts).
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../cli/args.js';
import { listFilter, listOutput } from '../../../cli/verbs/list.js';
import type { NetworkSummary } from '../../../host/networks/registry.js';

const FLAGS = [
  'all',
  'inactive',
  'persistent',
  'transient',
  'autostart',
  'no-autostart',
  'table',
  'name',
  'uuid',
  'json',
];
const args = (...argv: string[]) => parseArgs('net-list', argv, { flags: FLAGS });

const nets: NetworkSummary[] = [
  { name: 'auto', active: true, persistent: true, autostart: true },
  { name: 'plain', active: true, persistent: true, autostart: false },
  { name: 'off', active: false, persistent: true, autostart: false },
  { name: 'tmp', active: true, persistent: false, autostart: false },
];
const listed = (...argv: string[]) => nets.filter(listFilter(args(...argv))).map((n) => n.name);

describe('net-list filters', () => {
  it('lists active networks unless --all or --inactive', () => {
    expect(listed()).toEqual(['auto', 'plain', 'tmp']);
    expect(listed('--inactive')).toEqual(['off']);
    expect(listed('--all')).toEqual(['auto', 'plain', 'off', 'tmp']);
    expect(listed('--all', '--inactive')).toEqual(['auto', 'plain', 'off', 'tmp']);
  });

  it('filters by persistence and autostart; both flags of a pair filter nothing', () => {
    expect(listed('--persistent')).toEqual(['auto', 'plain']);
    expect(listed('--transient')).toEqual(['tmp']);
    expect(listed('--persistent', '--transient')).toEqual(['auto', 'plain', 'tmp']);
    expect(listed('--autostart')).toEqual(['auto']);
    expect(listed('--all', '--no-autostart')).toEqual(['plain', 'off', 'tmp']);
    expect(listed('--autostart', '--no-autostart')).toEqual(['auto', 'plain', 'tmp']);
    expect(listed('--inactive', '--persistent')).toEqual(['off']);
  });

  it('prints a table by default or with --table, and allows one output form only', () => {
    expect(listOutput(args())).toBe('table');
    expect(listOutput(args('--table'))).toBe('table');
    expect(listOutput(args('--uuid'))).toBe('uuid');
    expect(() => listOutput(args('--table', '--name'))).toThrow(
      'Only one argument from --table, --name and --uuid may be specified.',
    );
    expect(() => listOutput(args('--name', '--json'))).toThrow(
      'Only one argument from --table, --name, --uuid and --json may be specified.',
    );
  });
});
