// Step 3 of reconcile: what no record claims. Our dnsmasq instances are those whose
// --conf-file lies in our state dir; our bridges (and IFBs) those whose alias carries
// our root id; the tables of such a bridge are named after it. A table alone proves
// nothing (its name says which bridge, not which root), so tables are removed only
// with their bridge; every path that creates a table keeps a record of it until its
// end. Our qemu access list is made to name exactly the running networks that allow
// unprivileged users' VMs.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { dnsmasqPaths } from '../../core/dnsmasq/index.js';
import { tableNameFor } from '../../core/firewall/index.js';
import { fileStem } from '../../core/names/index.js';
import { aliasOwner, isolationTableName } from '../../core/plan/index.js';
import { findDnsmasqs, stopDnsmasq } from '../exec/dnsmasq-process.js';
import { isAbsentError, runIp } from '../exec/ip.js';
import { nftApply } from '../exec/nft.js';
import type { LinkState } from '../exec/read-links.js';
import { qemuAclPaths } from '../paths.js';
import { syncAcl } from '../qemu/bridge-acl.js';
import { listDefinedNames } from '../state/state-store.js';
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
  await removeOrphanLinks(links, active, root, report);
  syncQemuAcl(ctx, active, report);
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
 * stay (see planStop), and so do the port records of defined networks (their next
 * start uses them). Intent records are all gone by now (finishIntents).
 */
function removeStrayFiles(ctx: EngineContext, active: NetworkStatus[], report: ReconcileReport): void {
  const stems = new Set(active.map((s) => fileStem(s.name)));
  const sweep = (dir: string, exts: string[], keep: Set<string>) => {
    if (!existsSync(dir)) return;
    for (const f of readdirSync(dir)) {
      const ext = exts.find((e) => f.endsWith(e));
      if (!ext || f.startsWith('.') || keep.has(f.slice(0, -ext.length))) continue;
      rmSync(join(dir, f), { force: true });
      report.removedFiles.push(join(dir, f));
    }
  };
  sweep(ctx.paths.stateDir, ['.conf', '.hostsfile', '.addnhosts'], stems);
  sweep(ctx.paths.runDir, ['.pid', '.xml', '.intent'], stems);
  const defined = new Set(listDefinedNames(ctx.paths).map(fileStem));
  sweep(ctx.paths.runDir, ['.ports'], new Set([...stems, ...defined]));
}

async function removeOrphanLinks(
  links: LinkState,
  active: NetworkStatus[],
  root: string,
  report: ReconcileReport,
) {
  const claimed = new Set(active.flatMap((s) => [s.bridge, ...(s.guests?.ifb ? [s.guests.ifb] : [])]));
  for (const link of links.links) {
    if (aliasOwner(link.alias) !== root || claimed.has(link.name)) continue;
    const table = tableNameFor(undefined, link.name);
    const iso = isolationTableName(link.name);
    // An orphan IFB has no tables; deleting what is not there costs one nft each, only here.
    const [, hadTable, hadBridgeIso, hadInetIso] = await Promise.all([
      runIp(['link', 'del', 'dev', link.name]),
      deleteTable(`inet ${table}`),
      deleteTable(`bridge ${iso}`),
      deleteTable(`inet ${iso}`),
    ]);
    report.removedBridges.push(link.name);
    if (hadTable) report.removedTables.push(table);
    if (hadBridgeIso) report.removedTables.push(`bridge ${iso}`);
    if (hadInetIso) report.removedTables.push(`inet ${iso}`);
  }
}

/** Whether there was such a table ('FAMILY NAME'; open mode has none). */
async function deleteTable(table: string): Promise<boolean> {
  try {
    await nftApply(`delete table ${table}\n`);
    return true;
  } catch (err) {
    if (isAbsentError(err)) return false;
    throw err;
  }
}

function syncQemuAcl(ctx: EngineContext, active: NetworkStatus[], report: ReconcileReport): void {
  const acl = qemuAclPaths(ctx.paths);
  const bridges = active.filter((s) => s.guests?.qemuAcl === acl.file).map((s) => s.bridge);
  if (syncAcl(acl, bridges)) report.rewroteQemuAcl.push(acl.file);
}
