// Applying hosts changes to a running dnsmasq the way libvirt's net-update does:
// rewrite the dhcp-hostsfile and addn-hosts files, then SIGHUP, which makes dnsmasq
// re-read them (and keep its leases) without a restart. The PID comes from the
// status file and is signalled only if /proc proves it is this network's dnsmasq.
import { dnsmasqAddnHosts, dnsmasqHostsfile, dnsmasqPaths } from '../../core/dnsmasq/index.js';
import type { NetworkDef } from '../../core/model/network.js';
import { isOurDnsmasq } from '../exec/dnsmasq-process.js';
import { HostError } from '../host-error.js';
import { dnsmasqFilePath, type HostPaths } from '../paths.js';
import { atomicWrite } from '../state/atomic-write.js';

/** dnsmasq re-reads the files as its unprivileged user. */
const FILE_MODE = 0o644;

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

export function refreshDnsmasq(
  paths: HostPaths,
  name: string,
  def: NetworkDef,
  pid: number | undefined,
): void {
  atomicWrite(dnsmasqFilePath(paths, name, 'hostsfile'), dnsmasqHostsfile(def), FILE_MODE);
  atomicWrite(dnsmasqFilePath(paths, name, 'addnhosts'), dnsmasqAddnHosts(def), FILE_MODE);
  if (pid === undefined) return;
  try {
    process.kill(pid, 'SIGHUP');
  } catch (err) {
    throw new HostError(
      'host-op-failed',
      `network '${name}': cannot signal its dnsmasq (pid ${pid}): ${(err as NodeJS.ErrnoException).code ?? err}`,
    );
  }
}
