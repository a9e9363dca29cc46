// Stopping undoes the start: dnsmasq, the firewall table and the bridge (its
// addresses, routes and sysctls go with it) at the same time, since none needs
// another gone first (dnsmasq only loses its sockets' interface, and the kernel's
// bridge delete, the slowest part, overlaps the rest); the status files last, so a
// crash halfway leaves a status that tells reconcile what is still to clean.
import { dnsmasqPaths } from '../dnsmasq/index.js';
import { dnsmasqUndo } from './dnsmasq-step.js';
import { firewallStopOps } from './firewall-step.js';
import type { Plan } from './host-op.js';

export interface StopSubject {
  name: string;
  bridge: string;
  table?: string;
  dnsmasqPid?: number;
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
  return {
    network: subject.name,
    bridge,
    steps: [
      { id: 'dnsmasq', title: 'stop dnsmasq and remove its files', do: dnsmasq, undo: [] },
      {
        id: 'firewall',
        title: subject.table ? `delete nftables table inet ${subject.table}` : 'no firewall table',
        do: firewallStopOps(subject.table),
        undo: [],
        withPrevious: true,
      },
      {
        id: 'bridge',
        title: `delete bridge ${bridge}`,
        do: [{ op: 'ip', args: ['link', 'del', 'dev', bridge], absentOk: true }],
        undo: [],
        withPrevious: true,
      },
      {
        id: 'status',
        title: `record ${subject.name} as inactive`,
        do: [{ op: 'remove-status', name: subject.name }],
        undo: [],
      },
    ],
  };
}
