// Finishes a live update a crash cut short, from the live XML it wrote before it
// touched the host: whichever side of any write the crash fell on, the host is
// brought to that XML.
//  - The firewall table is loaded again; the script replaces it in one nft
//    transaction, old or new.
//  - dnsmasq's files are rewritten where they differ. A changed config needs a
//    restart (the lease file stays, so guests keep their addresses); otherwise
//    dnsmasq gets a SIGHUP in any case, since the crash may have come after the
//    hosts files were written and before the signal.
import { readNetworkDefinition } from '../../core/definition.js';
import { dnsmasqPaths } from '../../core/dnsmasq/index.js';
import { firewallRuleset } from '../../core/firewall/index.js';
import type { NetworkDef } from '../../core/model/index.js';
import { dnsmasqStep } from '../../core/plan/index.js';
import { isOurDnsmasq, stopDnsmasq } from '../exec/dnsmasq-process.js';
import { nftApply } from '../exec/nft.js';
import { atomicWrite } from '../state/atomic-write.js';
import { type ActiveRecord, readText } from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';
import { type EngineContext, planContextFor } from './engine-context.js';
import { startRecordedDnsmasq } from './start-recorded-dnsmasq.js';

export async function finishUpdate(ctx: EngineContext, record: ActiveRecord): Promise<void> {
  const parsed = readNetworkDefinition(record.xml);
  if (!parsed.ok) return;
  await reloadFirewall(parsed.value, record.status);
  await resyncDnsmasq(ctx, parsed.value, record.status);
}

async function reloadFirewall(def: NetworkDef, { bridge, table }: NetworkStatus): Promise<void> {
  if (table === undefined) return;
  const script = firewallRuleset(def, { bridge, tableName: table });
  if (script !== '') await nftApply(script);
}

async function resyncDnsmasq(ctx: EngineContext, def: NetworkDef, status: NetworkStatus): Promise<void> {
  const { name, bridge, dnsmasqPid } = status;
  const step = dnsmasqStep(def, bridge, planContextFor(ctx.paths, name, status.persistent));
  const conf = dnsmasqPaths(ctx.paths.stateDir, name).conf;
  let confChanged = false;
  for (const op of step.do) {
    if (op.op !== 'write-file' || readText(op.path) === op.content) continue;
    atomicWrite(op.path, op.content, op.mode);
    if (op.path === conf) confChanged = true;
  }
  // None running: reconcile's revive starts it from the files as they are now.
  if (dnsmasqPid === undefined || !isOurDnsmasq(dnsmasqPid, conf)) return;
  if (!confChanged) {
    process.kill(dnsmasqPid, 'SIGHUP');
    return;
  }
  const start = step.do.find((op) => op.op === 'dnsmasq-start');
  await stopDnsmasq(dnsmasqPid, conf);
  if (start?.op === 'dnsmasq-start') await startRecordedDnsmasq(ctx, name, start);
}
