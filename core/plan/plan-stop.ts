// Stopping undoes the start: first the record of the bridge's ports (the VMs' taps
// outlive the bridge, and the next start plugs them back in); then dnsmasq, the
// firewall table, our accepts in the host's iptables chains, the NetworkManager
// entry, what the network made for its guests (isolation table, IFB, qemu access
// list line) and the bridge (its addresses, routes, qdiscs and sysctls go with it) at
// the same time, since none needs another gone first (dnsmasq only loses its
// sockets' interface, and the kernel's bridge delete, the slowest part, overlaps the
// rest); the status files next, so a crash halfway leaves a status that tells
// reconcile what is still to clean; last, host-wide sysctls that nothing needs any
// more are put back. The intent record, written first, tells reconcile the stop must
// be finished, not undone (it would otherwise restart the dnsmasq a stop had already
// ended).
import { dnsmasqPaths } from '../dnsmasq/index.js';
import type { HostChainRule } from '../firewall/host-chain-rules.js';
import type { RememberedPort } from '../guests/remembered-ports.js';
import { dnsmasqUndo } from './dnsmasq-step.js';
import { firewallStopOps } from './firewall-step.js';
import { portsStopStep, qemuAclStopOps } from './guest-steps.js';
import { hostRulesStopOps } from './host-firewall-step.js';
import type { GuestObjects, HostOp, Plan, Step } from './host-op.js';
import { intentStep } from './intent-step.js';
import { isolationStopOps } from './isolation-step.js';
import { networkManagerStopStep } from './network-manager-step.js';

export interface StopSubject {
  name: string;
  bridge: string;
  table?: string;
  /** Our accepts in the host's iptables chains; ours by their comment, so deleted in any case. */
  hostRules?: HostChainRule[];
  guests?: GuestObjects;
  dnsmasqPid?: number;
  /**
   * The bridge of that name is not ours (another state root or program made one after
   * ours vanished): leave it, the tables and IFB named after it and its ports alone.
   */
  foreignBridge?: boolean;
  /** The bridge's ports now; undefined when the bridge is gone (the old record stays). */
  ports?: RememberedPort[];
}

export interface StopContext {
  stateDir: string;
  pidFile: string;
  /** Where the ports are remembered (run dir, NAME.ports). */
  portsFile: string;
}

export function planStop(subject: StopSubject, ctx: StopContext): Plan {
  const files = dnsmasqPaths(ctx.stateDir, subject.name);
  const dnsmasq = dnsmasqUndo(files.conf, ctx.pidFile, files.hostsfile, files.addnhosts);
  if (subject.dnsmasqPid !== undefined) {
    // The PID recorded by root in the status file wins over the pid file, which the
    // unprivileged dnsmasq owns and could rewrite.
    dnsmasq[0] = { op: 'dnsmasq-stop', pidFile: ctx.pidFile, confFile: files.conf, pid: subject.dnsmasqPid };
  }
  const { bridge } = subject;
  const table = subject.foreignBridge ? undefined : subject.table;
  const hostRules = subject.hostRules?.length ? subject.hostRules : undefined;
  // A foreign bridge keeps the objects named after it; our access list line goes
  // regardless: it must never open someone else's bridge.
  const acl = subject.guests?.qemuAcl;
  const guests = subject.foreignBridge ? (acl === undefined ? undefined : { qemuAcl: acl }) : subject.guests;
  return {
    network: subject.name,
    bridge,
    steps: [
      intentStep({
        action: 'stop',
        name: subject.name,
        bridge,
        ...(table ? { table } : {}),
        ...(hostRules ? { hostRules } : {}),
        ...(guests ? { guests } : {}),
      }),
      portsStopStep(bridge, subject.foreignBridge ? undefined : subject.ports, ctx.portsFile),
      { id: 'dnsmasq', title: 'stop dnsmasq and remove its files', do: dnsmasq, undo: [] },
      {
        id: 'firewall',
        title: table ? `delete nftables table inet ${table}` : 'no firewall table of ours',
        do: firewallStopOps(table),
        undo: [],
        withPrevious: true,
      },
      {
        id: 'host-firewall',
        title: hostRules
          ? "delete this network's accepts from the host's iptables chains"
          : 'no host iptables rules of ours',
        do: hostRulesStopOps(hostRules),
        undo: [],
        withPrevious: true,
      },
      networkManagerStopStep(bridge),
      guestsStopStep(bridge, guests),
      bridgeStopStep(subject),
      {
        id: 'status',
        title: `record ${subject.name} as inactive`,
        do: [
          { op: 'remove-status', name: subject.name },
          { op: 'remove-intent', name: subject.name },
        ],
        undo: [],
      },
      {
        id: 'sysctls',
        title: 'put back host-wide sysctls Switchyard changed, if nothing needs them any more',
        do: [{ op: 'restore-sysctls' }],
        undo: [],
      },
    ],
  };
}

function guestsStopStep(bridge: string, guests: GuestObjects | undefined): Step {
  const ops: HostOp[] = [
    ...isolationStopOps(guests?.isolationTable),
    ...(guests?.ifb ? [{ op: 'ip' as const, args: ['link', 'del', 'dev', guests.ifb], absentOk: true }] : []),
    ...qemuAclStopOps(bridge, guests?.qemuAcl),
  ];
  const what = [
    guests?.isolationTable && `table ${guests.isolationTable}`,
    guests?.ifb,
    guests?.qemuAcl && `allow ${bridge} in ${guests.qemuAcl}`,
  ].filter((w): w is string => !!w);
  return {
    id: 'guests',
    title: what.length ? `remove ${what.join(', ')}` : 'nothing of the guests to remove',
    do: ops,
    undo: [],
    withPrevious: true,
  };
}

function bridgeStopStep({ bridge, foreignBridge }: StopSubject): Step {
  if (foreignBridge)
    return { id: 'bridge', title: `leave bridge ${bridge} (not ours)`, do: [], undo: [], withPrevious: true };
  return {
    id: 'bridge',
    title: `delete bridge ${bridge}`,
    do: [{ op: 'ip', args: ['link', 'del', 'dev', bridge], absentOk: true }],
    undo: [],
    withPrevious: true,
  };
}
