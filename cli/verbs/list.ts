// net-list with virsh's filters: state (--all, --inactive), persistence
// (--persistent, --transient) and autostart (--autostart, --no-autostart). Within
// one group, giving both flags or neither means no filter, as libvirt's list
// filters work. Output is one of --table (the default), --name, --uuid, or --json.
import type { NetworkSummary } from '../../host/networks/index.js';
import { type ParsedArgs, parseArgs } from '../args.js';
import { fail } from '../cli-error.js';
import { openReads } from '../open-registry.js';
import { formatTable } from '../table.js';
import type { Verb } from './verb.js';

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

const FILTER_FLAGS = ['all', 'inactive', 'persistent', 'transient', 'autostart', 'no-autostart'] as const;
const VIRSH_FORMATS = ['table', 'name', 'uuid'] as const;

type Output = (typeof VIRSH_FORMATS)[number] | 'json';

/** One flag of a pair keeps only what it names; both or neither keep everything. */
function pairFilter(args: ParsedArgs, yes: string, no: string, has: (n: NetworkSummary) => boolean) {
  const wantYes = args.flags.has(yes);
  const wantNo = args.flags.has(no);
  return (n: NetworkSummary): boolean => wantYes === wantNo || (wantYes ? has(n) : !has(n));
}

export function listFilter(args: ParsedArgs): (n: NetworkSummary) => boolean {
  // Without --all or --inactive, virsh lists active networks only.
  const inactive = args.flags.has('inactive') || args.flags.has('all');
  const active = !args.flags.has('inactive') || args.flags.has('all');
  const persistence = pairFilter(args, 'persistent', 'transient', (n) => n.persistent);
  const autostart = pairFilter(args, 'autostart', 'no-autostart', (n) => n.autostart);
  return (n) => (n.active ? active : inactive) && persistence(n) && autostart(n);
}

export function listOutput(args: ParsedArgs): Output {
  const chosen: Output[] = [...VIRSH_FORMATS, 'json' as const].filter((f) => args.flags.has(f));
  if (chosen.length > 1) {
    // virsh's own message when only its options clash; --json is ours.
    fail(
      chosen.includes('json')
        ? 'Only one argument from --table, --name, --uuid and --json may be specified.'
        : 'Only one argument from --table, --name and --uuid may be specified.',
    );
  }
  return chosen[0] ?? 'table';
}

export const netList: Verb = {
  name: 'net-list',
  readsHost: true,
  usage:
    'net-list [--all|--inactive] [--persistent|--transient] [--autostart|--no-autostart] [--table|--name|--uuid|--json]',
  summary: 'list networks (active ones unless --all or --inactive)',
  async run(argv, io) {
    const args = parseArgs('net-list', argv, { flags: [...FILTER_FLAGS, ...VIRSH_FORMATS, 'json'] });
    const output = listOutput(args);
    const registry = openReads(io.env);
    const nets = registry.list().filter(listFilter(args));
    // UUIDs come from one pass over the state files (no validation), not a lookup per row.
    const uuids = (): Map<string, string | undefined> =>
      new Map(registry.identities().map((i) => [i.name, i.uuid]));
    switch (output) {
      case 'json': {
        const byName = uuids();
        const rows = nets.map(({ problem, ...n }) => ({
          ...n,
          uuid: byName.get(n.name) ?? null,
          ...(problem ? { problem: problem.message } : {}),
        }));
        io.out(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      case 'name':
        io.out(`${nets.map((n) => `${n.name}\n`).join('')}\n`);
        return;
      case 'uuid': {
        const byName = uuids();
        io.out(`${nets.map((n) => `${byName.get(n.name) ?? ''}\n`).join('')}\n`);
        return;
      }
      case 'table':
        io.out(formatTable(['Name', 'State', 'Autostart', 'Persistent'], nets.map(tableRow)));
        return;
    }
  },
};

function tableRow(n: NetworkSummary): string[] {
  const state = n.active ? 'active' : n.problem?.kind === 'damaged-status' ? 'damaged' : 'inactive';
  return [n.name, state, yesNo(n.autostart), yesNo(n.persistent)];
}
