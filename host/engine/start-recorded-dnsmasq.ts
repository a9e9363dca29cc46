// Starting a running network's dnsmasq again (reconcile's revive, a resync that
// changed its config): the new PID goes into the status at once, since stop and
// reconcile trust the recorded PID over the pid file the daemon's user owns.
import { startDnsmasq } from '../exec/dnsmasq-process.js';
import { readActive, writeActive } from '../state/state-store.js';
import type { EngineContext } from './engine-context.js';

export interface DnsmasqLaunch {
  binary: string;
  args: string[];
  pidFile: string;
}

export async function startRecordedDnsmasq(
  ctx: EngineContext,
  name: string,
  launch: DnsmasqLaunch,
): Promise<number> {
  const pid = await startDnsmasq(launch.binary, launch.args, launch.pidFile);
  const record = readActive(ctx.paths, name);
  if (record)
    writeActive(ctx.paths, name, { xml: record.xml, status: { ...record.status, dnsmasqPid: pid } });
  return pid;
}
