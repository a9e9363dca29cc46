// Read-only verbs: they read the world-readable state files and need no root.
import { COUNTERS, readCounters } from '../../host/readers/bridge-stats.js';
import { readLeases } from '../../host/readers/leases.js';
import { operand, parseArgs } from '../args.js';
import { fail } from '../cli-error.js';
import { openRegistry } from '../open-registry.js';
import { formatFields, formatTable } from '../table.js';
import type { Verb } from './verb.js';

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

export const netUuid: Verb = {
  name: 'net-uuid',
  readsHost: true,
  usage: 'net-uuid [--network] NAME',
  summary: 'print the UUID of a network',
  async run(argv, io) {
    const r = openRegistry(io.env);
    io.out(
      `${r.info(operand('net-uuid', parseArgs('net-uuid', argv, { values: ['network'] }), 'network')).uuid}\n\n`,
    );
  },
};

export const netName: Verb = {
  name: 'net-name',
  readsHost: true,
  usage: 'net-name [--network] UUID',
  summary: 'print the name of a network',
  async run(argv, io) {
    const r = openRegistry(io.env);
    io.out(
      `${r.info(operand('net-name', parseArgs('net-name', argv, { values: ['network'] }), 'network')).name}\n\n`,
    );
  },
};

export const netDumpXml: Verb = {
  name: 'net-dumpxml',
  readsHost: true,
  usage: 'net-dumpxml [--network] NET [--inactive]',
  summary: 'print the live definition (or the saved one with --inactive)',
  async run(argv, io) {
    const args = parseArgs('net-dumpxml', argv, { values: ['network', 'xpath'], flags: ['inactive'] });
    io.out(openRegistry(io.env).dumpXml(operand('net-dumpxml', args, 'network'), args.flags.has('inactive')));
  },
};

export const netInfo: Verb = {
  name: 'net-info',
  readsHost: true,
  usage: 'net-info [--network] NET [--json]',
  summary: 'basic facts about a network',
  async run(argv, io) {
    const args = parseArgs('net-info', argv, { values: ['network'], flags: ['json'] });
    const info = openRegistry(io.env).info(operand('net-info', args, 'network'));
    if (args.flags.has('json')) return io.out(`${JSON.stringify(info, null, 2)}\n`);
    io.out(
      formatFields([
        ['Name', info.name],
        ['UUID', info.uuid],
        ['Active', yesNo(info.active)],
        ['Persistent', yesNo(info.persistent)],
        ['Autostart', yesNo(info.autostart)],
        ['Bridge', info.bridge ?? ''],
      ]),
    );
  },
};

function formatExpiry(epochSeconds: number): string {
  if (epochSeconds === 0) return 'never';
  const d = new Date(epochSeconds * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export const netDhcpLeases: Verb = {
  name: 'net-dhcp-leases',
  readsHost: true,
  usage: 'net-dhcp-leases [--network] NET [--json]',
  summary: "the network's current DHCP leases",
  async run(argv, io) {
    const args = parseArgs('net-dhcp-leases', argv, { values: ['network', 'mac'], flags: ['json'] });
    const r = openRegistry(io.env);
    const name = r.resolve(operand('net-dhcp-leases', args, 'network'));
    const prefixes = r.leasePrefixes(name);
    const mac = args.values.get('mac')?.toLowerCase();
    const leases = readLeases(r.paths, name).filter((l) => !mac || l.mac === mac);
    if (args.flags.has('json')) return io.out(`${JSON.stringify(leases, null, 2)}\n`);
    const rows = leases.map((l) => [
      formatExpiry(l.expiry),
      l.mac ?? '-',
      l.protocol,
      `${l.ip}/${prefixes[l.protocol] ?? (l.protocol === 'ipv4' ? 24 : 64)}`,
      l.hostname ?? '-',
      l.clientId ?? '-',
    ]);
    io.out(
      formatTable(
        ['Expiry Time', 'MAC address', 'Protocol', 'IP address', 'Hostname', 'Client ID or DUID'],
        rows,
      ),
    );
  },
};

export const netStats: Verb = {
  name: 'net-stats',
  readsHost: true,
  usage: 'net-stats [--network] NET [--json]',
  summary: "the bridge's traffic counters",
  async run(argv, io) {
    const args = parseArgs('net-stats', argv, { values: ['network'], flags: ['json'] });
    const info = openRegistry(io.env).info(operand('net-stats', args, 'network'));
    if (!info.active || !info.bridge) fail(`network '${info.name}' is not active`);
    const counters = readCounters(info.bridge);
    if (!counters) fail(`network '${info.name}': bridge ${info.bridge} not found`);
    if (args.flags.has('json'))
      return io.out(`${JSON.stringify({ bridge: info.bridge, ...counters }, null, 2)}\n`);
    io.out(
      formatFields([
        ['Bridge', info.bridge],
        ...COUNTERS.map((c): [string, string] => [c, String(counters[c])]),
      ]),
    );
  },
};
