import { parseArgs } from '../args.js';
import { openRegistry } from '../open-registry.js';
import { formatTable } from '../table.js';
import type { Verb } from './verb.js';

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

export const netList: Verb = {
  name: 'net-list',
  usage: 'net-list [--all|--inactive] [--name|--uuid] [--json]',
  summary: 'list networks (active ones unless --all or --inactive)',
  async run(argv, io) {
    const args = parseArgs('net-list', argv, { flags: ['all', 'inactive', 'name', 'uuid', 'json'] });
    const registry = openRegistry(io.env);
    const nets = registry
      .list()
      .filter((n) => (args.flags.has('all') ? true : args.flags.has('inactive') ? !n.active : n.active));
    if (args.flags.has('json')) {
      const rows = nets.map((n) => ({ ...n, uuid: registry.uuidOf(n.name) ?? null }));
      io.out(`${JSON.stringify(rows, null, 2)}\n`);
    } else if (args.flags.has('name') || args.flags.has('uuid')) {
      const pick = (name: string): string => (args.flags.has('uuid') ? (registry.uuidOf(name) ?? '') : name);
      io.out(`${nets.map((n) => `${pick(n.name)}\n`).join('')}\n`);
    } else {
      const rows = nets.map((n) => [
        n.name,
        n.active ? 'active' : 'inactive',
        yesNo(n.autostart),
        yesNo(n.persistent),
      ]);
      io.out(formatTable(['Name', 'State', 'Autostart', 'Persistent'], rows));
    }
  },
};
