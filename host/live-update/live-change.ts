// What a running network needs so that it runs the updated definition, found by
// comparing what a start would generate before and after the update, never by
// section:
//   - only the dhcp-hostsfile or addn-hosts file differs: rewrite them and SIGHUP
//     dnsmasq, which re-reads them and keeps its leases (ip-dhcp-host, dns-host);
//   - the .conf differs (ranges, TXT and SRV records, a first DHCP host on an <ip>
//     without ranges): restart dnsmasq, which dnsmasq cannot re-read on SIGHUP. The
//     lease file stays, so guests keep their addresses;
//   - the firewall script differs (forward-interface): load the new table, which
//     nft swaps in as one transaction;
//   - nothing differs (portgroup): only the live XML changes.
// Everything here is computed before the first change; each action carries its
// undo, so a failure puts back what ran before.
import { dnsmasqPaths } from '../../core/dnsmasq/index.js';
import type { NetworkDef } from '../../core/model/index.js';
import type { HostOp, Step } from '../../core/plan/index.js';
import { type HostPaths, pidFilePath } from '../paths.js';
import { readText } from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';
import { verifiedDnsmasqPid } from './dnsmasq-refresh.js';
import { startFiles } from './start-files.js';

export type DnsmasqAction = 'none' | 'sighup' | 'restart' | 'start' | 'stop';

export interface LiveAction {
  do: HostOp[];
  undo: HostOp[];
}

export interface LiveChange {
  dnsmasq: DnsmasqAction;
  firewall: boolean;
  /** Run in order; on a failure, the undo of every started action runs in reverse. */
  actions: LiveAction[];
  /** The dnsmasq to send SIGHUP once the hosts files are written. */
  signalPid?: number;
  /** The dnsmasq a restart or stop ends (it was checked to be this network's). */
  previousPid?: number;
}

export function liveChange(
  paths: HostPaths,
  before: NetworkDef,
  after: NetworkDef,
  status: NetworkStatus,
): LiveChange {
  const target = {
    bridge: status.bridge,
    persistent: status.persistent,
    ...(status.table === undefined ? {} : { table: status.table }),
  };
  const old = startFiles(paths, before, target);
  const next = startFiles(paths, after, target);
  const actions: LiveAction[] = [];
  const firewall = old.firewall !== next.firewall && next.firewall !== '';
  if (firewall) {
    actions.push({ do: [{ op: 'nft', script: next.firewall }], undo: [{ op: 'nft', script: old.firewall }] });
  }
  const dnsmasq = dnsmasqChange(paths, status, old.dnsmasq, next.dnsmasq);
  actions.push(...dnsmasq.actions);
  return { ...dnsmasq, firewall, actions };
}

function dnsmasqChange(
  paths: HostPaths,
  status: NetworkStatus,
  old: Step,
  next: Step,
): Omit<LiveChange, 'firewall'> {
  const files = dnsmasqPaths(paths.stateDir, status.name);
  const ran = old.do.length > 0;
  const runs = next.do.length > 0;
  if (!ran && !runs) return { dnsmasq: 'none', actions: [] };
  if (!ran) return { dnsmasq: 'start', actions: [{ do: next.do, undo: next.undo }] };
  // A recorded dnsmasq must provably be this network's before it is signalled or
  // stopped; none recorded (it died) means only the files change.
  const pid = verifiedDnsmasqPid(paths, status.name, status.dnsmasqPid);
  const previous = pid === undefined ? {} : { previousPid: pid };
  if (!runs && pid === undefined) {
    const gone = [files.conf, files.hostsfile, files.addnhosts];
    return {
      dnsmasq: 'none',
      actions: [{ do: gone.map((path) => ({ op: 'remove-file', path })), undo: gone.map(restoreOp) }],
    };
  }
  if (!runs) return { dnsmasq: 'stop', ...previous, actions: [{ do: old.undo, undo: old.do }] };
  const changed = [files.conf, files.hostsfile, files.addnhosts].filter(
    (f) => written(old, f) !== written(next, f),
  );
  if (changed.length === 0) return { dnsmasq: 'none', actions: [] };
  const rewrite = { do: changed.map((f) => writeOp(next, f)), undo: changed.map(restoreOp) };
  if (pid === undefined) return { dnsmasq: 'none', actions: [rewrite] };
  if (!changed.includes(files.conf)) return { dnsmasq: 'sighup', signalPid: pid, actions: [rewrite] };
  // The undo stops whatever the new start left running (by the pid file), then
  // starts the old configuration again.
  const stop: HostOp = { op: 'dnsmasq-stop', pidFile: pidFilePath(paths, status.name), confFile: files.conf };
  return {
    dnsmasq: 'restart',
    previousPid: pid,
    actions: [{ do: [{ ...stop, pid }, ...next.do], undo: [stop, ...old.do] }],
  };
}

function writeOp(step: Step, path: string): HostOp {
  const op = step.do.find((o) => o.op === 'write-file' && o.path === path);
  if (!op) throw new Error(`the dnsmasq step writes no ${path}`);
  return op;
}

/** What the step writes to PATH: the old step is what the running dnsmasq was started with. */
const written = (step: Step, path: string): string | undefined => {
  const op = step.do.find((o) => o.op === 'write-file' && o.path === path);
  return op?.op === 'write-file' ? op.content : undefined;
};

/** Puts a file back as it is now (or removes it if it does not exist). */
function restoreOp(path: string): HostOp {
  const now = readText(path);
  return now === undefined
    ? { op: 'remove-file', path }
    : { op: 'write-file', path, content: now, mode: 0o644 };
}
