// Step 3 of reconcile: what no record claims. Our dnsmasq instances are those whose
// --conf-file lies in our state dir; our bridges those whose alias carries our root
// id; the table of such a bridge is named after it. A table alone proves nothing
// (its name says which bridge, not which root), so tables are removed only with
// their bridge; every path that creates a table keeps a record of it until its end.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { dnsmasqPaths } from '../../core/dnsmasq/index.js';
import { tableNameFor } from '../../core/firewall/index.js';
import { fileStem } from '../../core/names/file-stem.js';
import { aliasOwner } from '../../core/plan/index.js';
import { findDnsmasqs, stopDnsmasq } from '../exec/dnsmasq-process.js';
import { isAbsentError, runIp } from '../exec/ip.js';
import { nftApply } from '../exec/nft.js';
import type { LinkState } from '../exec/read-links.js';
import type { NetworkStatus } from '../state/status.js';
import type { EngineContext } from './engine-context.js';
import type { ReconcileReport } from './reconcile-report.js';

export async function sweepOrphans(
  ctx: EngineContext,
  links: LinkState,
  active: NetworkStatus[],
  root: string,
  report: ReconcileReport,
): Promise<void> {
  await removeOrphanDnsmasqs(ctx, active, report);
  removeStrayFiles(ctx, active, report);
  await removeOrphanBridges(links, active, root, report);
}

async function removeOrphanDnsmasqs(ctx: EngineContext, active: NetworkStatus[], report: ReconcileReport) {
  const wanted = new Map(active.map((s) => [dnsmasqPaths(ctx.paths.stateDir, s.name).conf, s.dnsmasqPid]));
  for (const d of findDnsmasqs(ctx.paths.stateDir)) {
    if (wanted.has(d.confFile) && wanted.get(d.confFile) === d.pid) continue;
    if (await stopDnsmasq(d.pid, d.confFile)) report.killedDnsmasq.push(d.pid);
  }
}

/**
 * dnsmasq inputs, pid files and live XML of networks that are not active. Lease files
 * stay (see planStop). Intent records are all gone by now (finishIntents).
 */
function removeStrayFiles(ctx: EngineContext, active: NetworkStatus[], report: ReconcileReport): void {
  const stems = new Set(active.map((s) => fileStem(s.name)));
  const sweep = (dir: string, exts: string[]) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir)) {
      const ext = exts.find((e) => f.endsWith(e));
      if (!ext || f.startsWith('.') || stems.has(f.slice(0, -ext.length))) continue;
      rmSync(join(dir, f), { force: true });
      report.removedFiles.push(join(dir, f));
    }
  };
  sweep(ctx.paths.stateDir, ['.conf', '.hostsfile', '.addnhosts']);
  sweep(ctx.paths.runDir, ['.pid', '.xml', '.intent']);
}

async function removeOrphanBridges(
  links: LinkState,
  active: NetworkStatus[],
  root: string,
  report: ReconcileReport,
) {
  const bridges = new Set(active.map((s) => s.bridge));
  for (const link of links.links) {
    if (aliasOwner(link.alias) !== root || bridges.has(link.name)) continue;
    const table = tableNameFor(undefined, link.name);
    const [, hadTable] = await Promise.all([runIp(['link', 'del', 'dev', link.name]), deleteTable(table)]);
    report.removedBridges.push(link.name);
    if (hadTable) report.removedTables.push(table);
  }
}

/** Whether there was such a table (open mode has none). */
async function deleteTable(table: string): Promise<boolean> {
  try {
    await nftApply(`delete table inet ${table}\n`);
    return true;
  } catch (err) {
    if (isAbsentError(err)) return false;
    throw err;
  }
}
