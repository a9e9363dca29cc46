// Repairs what a crash (of Switchyard or of dnsmasq) left behind, before each
// command and under the host lock, in this order:
//  1. intent records: a start cut short is undone, a stop cut short is finished;
//  2. statuses: one whose bridge is gone (or is no longer ours) is cleaned and
//     removed, a damaged one is rebuilt from its live XML, a dead dnsmasq restarted,
//     a missing isolation table or <bandwidth> qdisc made again;
//  3. leftovers no record claims: dnsmasq instances and files in our state dir, and
//     bridges and IFBs whose alias carries our root id (with the tables named after
//     each), port records of networks that no longer exist, and our qemu access
//     list, made to name exactly the running networks that open it;
//  4. what others took from running networks: our table, our accepts in host
//     iptables chains that drop now, NetworkManager's list; then sysctls put back.
// Only this state root's objects are touched (see bridge-ownership.ts): a second
// root in the same network namespace keeps its networks running.
import { readLinkState } from '../exec/read-links.js';
import { rootId } from '../paths.js';
import type { NetworkStatus } from '../state/status.js';
import { cacheLinkState, type EngineContext } from './engine-context.js';
import { finishIntents } from './finish-intents.js';
import { beginHostChainReading } from './host-chain-reading.js';
import { emptyReport, type ReconcileReport, reportLines } from './reconcile-report.js';
import { repairGuests } from './repair-guests.js';
import { repairStatuses } from './repair-statuses.js';
import { restoreHostObjects } from './restore-host-objects.js';
import { sweepOrphans } from './sweep-orphans.js';

export type { ReconcileReport } from './reconcile-report.js';

/**
 * START: a start follows in this command (it may use what reconcile reads). STOPPING:
 * the command stops the network of that name next, so its dnsmasq, guest objects,
 * table and host accepts are not made again only to be removed; its leftovers from a
 * crash are still cleaned, and it still counts as running for the sweeps.
 */
export interface ReconcileFor {
  start?: boolean;
  stopping?: string;
}

export async function reconcile(ctx: EngineContext, next: ReconcileFor = {}): Promise<ReconcileReport> {
  const report = emptyReport();
  const root = rootId(ctx.paths);
  beginHostChainReading(ctx, next.start === true);
  const keep = (s: NetworkStatus) => s.name !== next.stopping;
  let links = await readLinkState();
  if (await finishIntents(ctx, links, report)) links = await readLinkState();
  const active = await repairStatuses(ctx, links, root, report, keep);
  await repairGuests(ctx, links, active.filter(keep), report);
  await sweepOrphans(ctx, links, active, root, report);
  await restoreHostObjects(ctx, root, report, keep);
  // Links and routes are as read unless a network was stopped or a bridge removed.
  if (report.stopped.length === 0 && report.removedBridges.length === 0) cacheLinkState(ctx, links);
  for (const line of reportLines(report)) ctx.log?.(line);
  return report;
}
