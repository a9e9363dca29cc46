import { parseArgs } from '../args.js';
import { openRegistry } from '../open-registry.js';
import { formatTable } from '../table.js';
import type { Verb } from './verb.js';

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

export const netList: Verb = {
  name: 'net-list',
  readsHost: true,
  usage: 'net-list [--all|--inactive] [--name|--uuid] [--json]',
  summary: 'list networks (active ones unless --all or --inactive)',
  async run(argv, io) {
    const args = parseArgs('net-list', argv, { flags: ['all', 'inactive', 'name', 'uuid', 'json'] });
    const registry = openRegistry(io.env);
    const nets = registry
      .list()
      .filter((n) => (args.flags.has('all') ? true : args.flags.has('inactive') ? !n.active : n.active));
    // UUIDs come from one pass over the state files (no validation), not a lookup per row.
    const uuids = (): Map<string, string | undefined> =>
      new Map(registry.identities().map((i) => [i.name, i.uuid]));
    if (args.flags.has('json')) {
      const byName = uuids();
      const rows = nets.map(({ problem, ...n }) => ({
        ...n,
        uuid: byName.get(n.name) ?? null,
        ...(problem ? { problem: problem.message } : {}),
      }));
      io.out(`${JSON.stringify(rows, null, 2)}\n`);
    } else if (args.flags.has('name') || args.flags.has('uuid')) {
      const byName = args.flags.has('uuid') ? uuids() : undefined;
      const pick = (name: string): string => (byName ? (byName.get(name) ?? '') : name);
      io.out(`${nets.map((n) => `${pick(n.name)}\n`).join('')}\n`);
    } else {
      const rows = nets.map((n) => [
        n.name,
        n.active ? 'active' : n.problem?.kind === 'damaged-status' ? 'damaged' : 'inactive',
        yesNo(n.autostart),
        yesNo(n.persistent),
      ]);
      io.out(formatTable(['Name', 'State', 'Autostart', 'Persistent'], rows));
    }
  },
};
