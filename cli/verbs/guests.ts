// The verbs for VMs on a network: what to paste to connect one (net-connect-info),
// who is on it (net-ports), and whether VMs of unprivileged users may attach through
// qemu-bridge-helper (net-user-attach).

import { connectSnippets, unprivilegedAttach } from '../../core/guests/index.js';
import type { NetworkDef } from '../../core/model/index.js';
import { currentBridge, currentDefinition } from '../../host/guests/index.js';
import type { NetworkReads } from '../../host/networks/index.js';
import { type NetworkPort, readNetworkPorts } from '../../host/readers/index.js';
import { operand, parseArgs } from '../args.js';
import { fail } from '../cli-error.js';
import { openReads, withControl } from '../open-registry.js';
import { formatTable } from '../table.js';
import type { Verb } from './verb.js';

function definitionOf(r: NetworkReads, name: string): NetworkDef {
  const def = currentDefinition(r.paths, name);
  if (!def) fail(`network '${name}' has no readable definition`);
  return def;
}

export const netConnectInfo: Verb = {
  name: 'net-connect-info',
  readsHost: true,
  usage: 'net-connect-info [--network] NET [--json]',
  summary: 'what to paste to connect a VM (libvirt, virsh, QEMU)',
  async run(argv, io) {
    const args = parseArgs('net-connect-info', argv, { operands: ['network'], flags: ['json'] });
    const r = openReads(io.env);
    const name = r.resolve(operand('net-connect-info', args, 'network'));
    const def = definitionOf(r, name);
    const bridge = currentBridge(r.paths, name, def);
    if (!bridge) fail(`network '${name}' has no bridge of its own to connect VMs to`);
    const s = connectSnippets(def, bridge);
    if (args.flags.has('json')) return io.out(`${JSON.stringify(s, null, 2)}\n`);
    io.out(
      [
        `Network ${name}, bridge ${bridge}`,
        '',
        'libvirt domain (virt-manager XML tab, virsh edit DOMAIN), inside <devices>:',
        indent(s.libvirtXml),
        'A running libvirt domain, now and in its saved definition:',
        `  ${s.virshAttach}`,
        '',
        'QEMU (as root directly; as a user through qemu-bridge-helper):',
        `  ${s.qemuNic}`,
        '',
        s.unprivilegedAttach
          ? `VMs of unprivileged users may attach: yes ('${s.aclLine}' is in Switchyard's qemu access list)`
          : `VMs of unprivileged users may attach: no (switchyard net-user-attach ${name} --on)`,
        '',
      ].join('\n'),
    );
  },
};

const indent = (text: string): string =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')
    .concat('\n');

export const netPorts: Verb = {
  name: 'net-ports',
  readsHost: true,
  usage: 'net-ports [--network] NET [--json]',
  summary: "who is on the network: its bridge's ports, their VMs, MACs and leases",
  async run(argv, io) {
    const args = parseArgs('net-ports', argv, { operands: ['network'], flags: ['json'] });
    const r = openReads(io.env);
    const view = await readNetworkPorts(r.paths, r.resolve(operand('net-ports', args, 'network')));
    if (args.flags.has('json')) return io.out(`${JSON.stringify(view, null, 2)}\n`);
    if (!view.active) {
      const kept = view.remembered.map((p) => `${p.name} (${p.mac})`).join(', ');
      return io.out(
        `Network ${view.network} is not active.${kept ? ` Its next start re-attaches: ${kept}` : ''}\n\n`,
      );
    }
    io.out(
      formatTable(
        ['Port', 'VM', 'MAC address', 'IP address', 'Hostname', 'From guest', 'To guest'],
        view.ports.map(portRow),
      ),
    );
  },
};

function portRow(p: NetworkPort): string[] {
  const lease = p.leases[0];
  return [
    p.isolated ? `${p.port} (isolated)` : p.port,
    p.vm ? `${p.vm.name}${p.vm.source === 'libvirt' ? '' : ' (qemu)'}` : '-',
    p.guestMacs.join(',') || '-',
    lease?.ip ?? '-',
    lease?.hostname ?? '-',
    bytes(p.fromGuestBytes),
    bytes(p.toGuestBytes),
  ];
}

function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} B` : `${v.toFixed(1)} ${units[i]}`;
}

export const netUserAttach: Verb = {
  name: 'net-user-attach',
  readsHost: true,
  usage: 'net-user-attach [--network] NET [--on | --off]',
  summary: 'whether VMs of unprivileged users may attach (qemu-bridge-helper)',
  async run(argv, io) {
    const args = parseArgs('net-user-attach', argv, { operands: ['network'], flags: ['on', 'off'] });
    const net = operand('net-user-attach', args, 'network');
    if (args.flags.has('on') && args.flags.has('off'))
      fail('net-user-attach: --on and --off exclude each other');
    if (args.flags.size === 0) {
      const r = openReads(io.env);
      const name = r.resolve(net);
      return io.out(`${unprivilegedAttach(definitionOf(r, name)) ? 'yes' : 'no'}\n`);
    }
    const on = args.flags.has('on');
    await withControl(io.env, (c) => c.setUnprivilegedAttach(net, on));
    io.out(`Network ${net}: VMs of unprivileged users ${on ? 'may' : 'may no longer'} attach\n\n`);
  },
};
