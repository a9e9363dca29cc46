// Makes a running network's dnsmasq files what its live XML says, for reconcile
// after a live update that a crash cut short: the live XML is written before the
// files, so whichever side of that write the crash fell on, the files are brought to
// the XML. A changed config needs a restart (the lease file stays, so guests keep
// their addresses); otherwise dnsmasq gets a SIGHUP in any case, since the crash may
// have come after the update wrote the hosts files and before it signalled.
import { readNetworkDefinition } from '../../core/definition.js';
import { dnsmasqPaths } from '../../core/dnsmasq/index.js';
import { dnsmasqStep } from '../../core/plan/index.js';
import { isOurDnsmasq, stopDnsmasq } from '../exec/dnsmasq-process.js';
import { atomicWrite } from '../state/atomic-write.js';
import { type ActiveRecord, readText } from '../state/state-store.js';
import { type EngineContext, planContextFor } from './engine-context.js';
import { startRecordedDnsmasq } from './start-recorded-dnsmasq.js';

export type Resync = 'none' | 'signalled' | 'restarted';

export async function resyncDnsmasq(ctx: EngineContext, record: ActiveRecord): Promise<Resync> {
  const { name, bridge, dnsmasqPid } = record.status;
  const parsed = readNetworkDefinition(record.xml);
  if (!parsed.ok) return 'none';
  const plan = planContextFor(ctx.paths, name, record.status.persistent);
  const step = dnsmasqStep(parsed.value, bridge, plan);
  const conf = dnsmasqPaths(ctx.paths.stateDir, name).conf;
  let confChanged = false;
  for (const op of step.do) {
    if (op.op !== 'write-file' || readText(op.path) === op.content) continue;
    atomicWrite(op.path, op.content, op.mode);
    if (op.path === conf) confChanged = true;
  }
  const running = dnsmasqPid !== undefined && isOurDnsmasq(dnsmasqPid, conf);
  if (!running) return 'none'; // reconcile's revive starts it from the files as they are now
  if (confChanged) {
    const start = step.do.find((op) => op.op === 'dnsmasq-start');
    await stopDnsmasq(dnsmasqPid, conf);
    if (start?.op === 'dnsmasq-start') await startRecordedDnsmasq(ctx, name, start);
    return 'restarted';
  }
  process.kill(dnsmasqPid, 'SIGHUP');
  return 'signalled';
}
