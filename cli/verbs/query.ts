// Read-only verbs: they read the world-readable state files and need no root.

import { selectXml } from '../../core/xml/index.js';
import { COUNTERS, type Lease, readCounters, readLeases } from '../../host/readers/index.js';
import { operand, parseArgs } from '../args.js';
import { fail } from '../cli-error.js';
import { openReads } from '../open-registry.js';
import { formatFields, formatTable } from '../table.js';
import type { Verb } from './verb.js';

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

export const netUuid: Verb = {
  name: 'net-uuid',
  readsHost: true,
  usage: 'net-uuid [--network] NAME',
  summary: 'print the UUID of a network',
  async run(argv, io) {
    const r = openReads(io.env);
    io.out(
      `${r.info(operand('net-uuid', parseArgs('net-uuid', argv, { operands: ['network'] }), 'network')).uuid}\n\n`,
    );
  },
};

export const netName: Verb = {
  name: 'net-name',
  readsHost: true,
  usage: 'net-name [--network] UUID',
  summary: 'print the name of a network',
  async run(argv, io) {
    const r = openReads(io.env);
    io.out(
      `${r.info(operand('net-name', parseArgs('net-name', argv, { operands: ['network'] }), 'network')).name}\n\n`,
    );
  },
};

export const netDumpXml: Verb = {
  name: 'net-dumpxml',
  readsHost: true,
  usage: 'net-dumpxml [--network] NET [--inactive] [--xpath EXPR [--wrap]]',
  summary: 'print the live definition (or the saved one with --inactive), or the parts EXPR selects',
  async run(argv, io) {
    const args = parseArgs('net-dumpxml', argv, {
      operands: ['network'],
      values: ['xpath'],
      flags: ['inactive', 'wrap'],
    });
    const xml = openReads(io.env).dumpXml(
      operand('net-dumpxml', args, 'network'),
      args.flags.has('inactive'),
    );
    const xpath = args.values.get('xpath');
    if (xpath === undefined) {
      // virsh prints the document and then a newline of its own.
      io.out(`${xml}\n`);
      return;
    }
    const selected = selectXml(xml, xpath, { wrap: args.flags.has('wrap') });
    if (!selected.ok) fail(selected.error);
    io.out(`${selected.value}\n`);
  },
};

export const netInfo: Verb = {
  name: 'net-info',
  readsHost: true,
  usage: 'net-info [--network] NET [--json]',
  summary: 'basic facts about a network',
  async run(argv, io) {
    const args = parseArgs('net-info', argv, { operands: ['network'], flags: ['json'] });
    const info = openReads(io.env).info(operand('net-info', args, 'network'));
    if (args.flags.has('json')) return io.out(`${JSON.stringify(info, null, 2)}\n`);
    io.out(
      formatFields([
        ['Name', info.name],
        ['UUID', info.uuid],
        ['Active', yesNo(info.active)],
        ['Persistent', yesNo(info.persistent)],
        ['Autostart', yesNo(info.autostart)],
        // virsh leaves the line out for networks without a bridge (macvtap, hostdev…).
        ...(info.bridge === undefined ? [] : [['Bridge', info.bridge] as [string, string]]),
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

/**
 * virsh lists leases by MAC address (case-insensitively), whatever order dnsmasq
 * keeps them in; leases without a MAC (DHCPv6 by DUID) come first. The sort is
 * stable, so one MAC's leases stay in file order.
 */
export function sortedByMac(leases: Lease[]): Lease[] {
  const key = (l: Lease): string => l.mac?.toLowerCase() ?? '';
  return [...leases].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export const netDhcpLeases: Verb = {
  name: 'net-dhcp-leases',
  readsHost: true,
  usage: 'net-dhcp-leases [--network] NET [--json]',
  summary: "the network's current DHCP leases",
  async run(argv, io) {
    const args = parseArgs('net-dhcp-leases', argv, {
      operands: ['network'],
      values: ['mac'],
      flags: ['json'],
    });
    const r = openReads(io.env);
    const name = r.resolve(operand('net-dhcp-leases', args, 'network'));
    const prefixes = r.leasePrefixes(name);
    const mac = args.values.get('mac')?.toLowerCase();
    const leases = sortedByMac(readLeases(r.paths, name).filter((l) => !mac || l.mac === mac));
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
    const args = parseArgs('net-stats', argv, { operands: ['network'], flags: ['json'] });
    const info = openReads(io.env).info(operand('net-stats', args, 'network'));
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
