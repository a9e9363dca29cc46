// Stopping undoes the start: dnsmasq, the firewall table, our accepts in the host's
// iptables chains, the NetworkManager entry and the bridge (its addresses, routes and
// sysctls go with it) at the same time, since none needs another gone first (dnsmasq
// only loses its sockets' interface, and the kernel's bridge delete, the slowest
// part, overlaps the rest); then the status files, so a crash halfway leaves a status
// that tells reconcile what is still to clean; last, host-wide sysctls that nothing
// needs any more are put back. The intent record, written first, tells reconcile the
// stop must be finished, not undone (it would otherwise restart the dnsmasq a stop
// had already ended).
import { dnsmasqPaths } from '../dnsmasq/index.js';
import type { HostChainRule } from '../firewall/host-chain-rules.js';
import { dnsmasqUndo } from './dnsmasq-step.js';
import { firewallStopOps } from './firewall-step.js';
import { hostRulesStopOps } from './host-firewall-step.js';
import type { Plan, Step } from './host-op.js';
import { intentStep } from './intent-step.js';
import { networkManagerStopStep } from './network-manager-step.js';

export interface StopSubject {
  name: string;
  bridge: string;
  table?: string;
  /** Our accepts in the host's iptables chains; ours by their comment, so deleted in any case. */
  hostRules?: HostChainRule[];
  dnsmasqPid?: number;
  /**
   * The bridge of that name is not ours (another state root or program made one after
   * ours vanished): leave it and the table named after it alone.
   */
  foreignBridge?: boolean;
}

export interface StopContext {
  stateDir: string;
  pidFile: string;
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
      }),
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
