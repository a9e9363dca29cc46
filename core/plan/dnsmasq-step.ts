// dnsmasq gives the guests DHCP and DNS. Its files are written first, then it is
// started and the step is done once it has daemonised and written its pid file.
import {
  dnsmasqAddnHosts,
  dnsmasqConfig,
  dnsmasqHostsfile,
  dnsmasqPaths,
  shouldRunDnsmasq,
} from '../dnsmasq/index.js';
import type { NetworkDef } from '../model/network.js';
import type { HostOp, Step } from './host-op.js';
import { DEFAULT_DNSMASQ_BINARY, DEFAULT_DNSMASQ_USER, type PlanContext } from './plan-context.js';

/** World-readable: dnsmasq re-reads the hosts files as 'nobody' on SIGHUP, and the app shows them. */
const FILE_MODE = 0o644;
const DIR_MODE = 0o755;

/** The command line; stop and reconcile find our dnsmasq by the --conf-file argument. */
export function dnsmasqArgs(confFile: string): string[] {
  return [`--conf-file=${confFile}`];
}

export function dnsmasqStep(def: NetworkDef, bridge: string, ctx: PlanContext): Step {
  if (!shouldRunDnsmasq(def)) return { id: 'dnsmasq', title: 'no DHCP or DNS to serve', do: [], undo: [] };
  const files = dnsmasqPaths(ctx.stateDir, def.name);
  const conf = dnsmasqConfig(def, {
    stateDir: ctx.stateDir,
    bridge,
    pidFile: ctx.pidFile,
    user: ctx.dnsmasqUser ?? DEFAULT_DNSMASQ_USER,
    // Trade-off: by default dnsmasq pings an address and waits ~3 s for an answer
    // before offering it, so an address somebody configured by hand is not handed
    // out twice; skipping the ping gets a new guest its lease ~3 s sooner. The
    // choice belongs in the XML (<dnsmasq:option value='no-ping'/>, which the
    // networks Switchyard creates carry, see core/define/quick-switch.ts), so a file
    // imported from libvirt keeps libvirt's behaviour; fastOffer lets a caller
    // force it for every network.
    fastOffer: ctx.fastOffer ?? false,
  });
  const ops: HostOp[] = [
    { op: 'mkdir', path: ctx.stateDir, mode: DIR_MODE },
    { op: 'mkdir', path: ctx.runDir, mode: DIR_MODE },
    { op: 'write-file', path: files.conf, content: conf, mode: FILE_MODE },
    { op: 'write-file', path: files.hostsfile, content: dnsmasqHostsfile(def), mode: FILE_MODE },
    { op: 'write-file', path: files.addnhosts, content: dnsmasqAddnHosts(def), mode: FILE_MODE },
    {
      op: 'dnsmasq-start',
      binary: ctx.dnsmasqBinary ?? DEFAULT_DNSMASQ_BINARY,
      args: dnsmasqArgs(files.conf),
      pidFile: ctx.pidFile,
    },
  ];
  return {
    id: 'dnsmasq',
    title: `start dnsmasq on ${bridge}`,
    do: ops,
    undo: dnsmasqUndo(files.conf, ctx.pidFile, files.hostsfile, files.addnhosts),
  };
}

/**
 * Stop the daemon and remove its inputs. The lease file stays, as libvirt keeps its
 * lease status file after net-destroy: a restarted network gives guests their old
 * addresses back. Undefine removes it.
 */
export function dnsmasqUndo(conf: string, pidFile: string, ...others: string[]): HostOp[] {
  return [
    { op: 'dnsmasq-stop', pidFile, confFile: conf },
    { op: 'remove-file', path: conf },
    ...others.map((path): HostOp => ({ op: 'remove-file', path })),
    { op: 'remove-file', path: pidFile },
  ];
}
