// Making a running dnsmasq re-read its hosts files the way libvirt's net-update
// does: SIGHUP, which re-reads the dhcp-hostsfile and addn-hosts files and keeps
// the leases, without a restart. The PID comes from the status file and is
// signalled only if /proc proves it is this network's dnsmasq.
import { dnsmasqPaths } from '../../core/dnsmasq/index.js';
import { isOurDnsmasq } from '../exec/dnsmasq-process.js';
import { HostError } from '../host-error.js';
import type { HostPaths } from '../paths.js';

/** The PID to signal, checked before anything is written; undefined when no dnsmasq runs. */
export function verifiedDnsmasqPid(
  paths: HostPaths,
  name: string,
  pid: number | undefined,
): number | undefined {
  if (pid === undefined) return undefined;
  const conf = dnsmasqPaths(paths.stateDir, name).conf;
  if (!isOurDnsmasq(pid, conf)) {
    throw new HostError(
      'host-op-failed',
      `network '${name}': its dnsmasq (pid ${pid}) is not running; restart the network to apply the change`,
    );
  }
  return pid;
}

export function signalReload(name: string, pid: number): void {
  try {
    process.kill(pid, 'SIGHUP');
  } catch (err) {
    throw new HostError(
      'host-op-failed',
      `network '${name}': cannot signal its dnsmasq (pid ${pid}): ${(err as NodeJS.ErrnoException).code ?? err}`,
    );
  }
}
