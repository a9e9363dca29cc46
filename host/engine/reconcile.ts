// Repairs what a crash (of Switchyard or of dnsmasq) left behind, before each
// command and under the host lock:
//  - a status whose bridge is gone: the rest is cleaned and the status removed;
//  - an active network whose dnsmasq died: dnsmasq is started again;
//  - a bridge, nft table, dnsmasq or dnsmasq file of ours that no status claims: removed.
// "Ours" is decided by name only: bridges carry the alias 'switchyard:<stem>',
// tables are named by core/firewall's tableNameFor, and our dnsmasq instances run
// in this network namespace with a --conf-file inside our state directory.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { dnsmasqPaths } from '../../core/dnsmasq/index.js';
import { bridgeFromTableName } from '../../core/firewall/index.js';
import { fileStem } from '../../core/names/file-stem.js';
import { BRIDGE_ALIAS_PREFIX, DEFAULT_DNSMASQ_BINARY, dnsmasqArgs } from '../../core/plan/index.js';
import { findDnsmasqs, isOurDnsmasq, startDnsmasq, stopDnsmasq } from '../exec/dnsmasq-process.js';
import { runIp } from '../exec/ip.js';
import { nftApply, nftListTables } from '../exec/nft.js';
import { type LinkState, readLinkState } from '../exec/read-links.js';
import { pidFilePath, statusJsonPath, statusXmlPath } from '../paths.js';
import { readActive, removeActive, writeActive } from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';
import { readStatuses } from './active-statuses.js';
import { cacheLinkState, type EngineContext } from './engine-context.js';
import { stopNetwork } from './stop-network.js';

export interface ReconcileReport {
  /** Networks whose bridge had vanished: cleaned and marked inactive. */
  stopped: string[];
  /** Networks whose dnsmasq was dead and has been started again. */
  restartedDnsmasq: string[];
  removedBridges: string[];
  removedTables: string[];
  killedDnsmasq: number[];
  removedFiles: string[];
}

export interface ReconcileOptions {
  /**
   * Also list nft tables when nothing else looks wrong (one more process, ~10 ms).
   * Without it tables are checked only after finding other debris, which covers
   * every crash point except one between adding a bridge and naming it.
   */
  thorough?: boolean;
}

export async function reconcile(ctx: EngineContext, opts: ReconcileOptions = {}): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    stopped: [],
    restartedDnsmasq: [],
    removedBridges: [],
    removedTables: [],
    killedDnsmasq: [],
    removedFiles: [],
  };
  const links = await readLinkState();
  const active = await repairStatuses(ctx, links, report);
  await removeOrphanDnsmasqs(ctx, active, report);
  removeStrayFiles(ctx, active, report);
  await removeOrphanBridges(links, active, report);
  const debris = Object.values(report).some((list) => list.length > 0);
  if (debris || opts.thorough) await removeOrphanTables(active, report);
  // Links and routes are as read unless a network was stopped or a bridge removed.
  if (report.stopped.length === 0 && report.removedBridges.length === 0) cacheLinkState(ctx, links);
  for (const line of reportLines(report)) ctx.log?.(line);
  return report;
}

async function repairStatuses(
  ctx: EngineContext,
  links: LinkState,
  report: ReconcileReport,
): Promise<NetworkStatus[]> {
  const active: NetworkStatus[] = [];
  for (const entry of readStatuses(ctx.paths)) {
    const status = entry.status;
    if (!status || !existsSync(statusXmlPath(ctx.paths, entry.name))) {
      // Unreadable or half-written: without its bridge name there is nothing to stop
      // here; the orphan sweeps below remove whatever it owned.
      removeActive(ctx.paths, entry.name);
      report.removedFiles.push(statusJsonPath(ctx.paths, entry.name));
      continue;
    }
    if (!links.links.some((l) => l.name === status.bridge)) {
      await stopNetwork(status, ctx);
      report.stopped.push(status.name);
      continue;
    }
    if (status.dnsmasqPid !== undefined) await reviveDnsmasq(ctx, status, report);
    active.push(readActive(ctx.paths, status.name)?.status ?? status);
  }
  return active;
}

async function reviveDnsmasq(
  ctx: EngineContext,
  status: NetworkStatus,
  report: ReconcileReport,
): Promise<void> {
  const conf = dnsmasqPaths(ctx.paths.stateDir, status.name).conf;
  if (status.dnsmasqPid !== undefined && isOurDnsmasq(status.dnsmasqPid, conf)) return;
  if (!existsSync(conf)) return;
  const pidFile = pidFilePath(ctx.paths, status.name);
  // A stray instance with our conf (e.g. started by hand) would hold the sockets.
  for (const d of findDnsmasqs(ctx.paths.stateDir)) {
    if (d.confFile === conf && (await stopDnsmasq(d.pid, conf))) report.killedDnsmasq.push(d.pid);
  }
  const pid = await startDnsmasq(DEFAULT_DNSMASQ_BINARY, dnsmasqArgs(conf), pidFile);
  const record = readActive(ctx.paths, status.name);
  if (record)
    writeActive(ctx.paths, status.name, { xml: record.xml, status: { ...record.status, dnsmasqPid: pid } });
  report.restartedDnsmasq.push(status.name);
}

async function removeOrphanDnsmasqs(ctx: EngineContext, active: NetworkStatus[], report: ReconcileReport) {
  const wanted = new Map(active.map((s) => [dnsmasqPaths(ctx.paths.stateDir, s.name).conf, s.dnsmasqPid]));
  for (const d of findDnsmasqs(ctx.paths.stateDir)) {
    if (wanted.has(d.confFile) && wanted.get(d.confFile) === d.pid) continue;
    if (await stopDnsmasq(d.pid, d.confFile)) report.killedDnsmasq.push(d.pid);
  }
}

/** dnsmasq inputs and pid files of networks that are not active. Lease files stay (see planStop). */
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
  sweep(ctx.paths.runDir, ['.pid']);
}

async function removeOrphanBridges(links: LinkState, active: NetworkStatus[], report: ReconcileReport) {
  const bridges = new Set(active.map((s) => s.bridge));
  for (const link of links.links) {
    if (!link.alias?.startsWith(BRIDGE_ALIAS_PREFIX) || bridges.has(link.name)) continue;
    await runIp(['link', 'del', 'dev', link.name]);
    report.removedBridges.push(link.name);
  }
}

async function removeOrphanTables(active: NetworkStatus[], report: ReconcileReport) {
  const tables = new Set(active.flatMap((s) => (s.table ? [s.table] : [])));
  for (const t of await nftListTables()) {
    if (t.family !== 'inet' || bridgeFromTableName(t.name) === undefined || tables.has(t.name)) continue;
    await nftApply(`delete table inet ${t.name}\n`);
    report.removedTables.push(t.name);
  }
}

function reportLines(r: ReconcileReport): string[] {
  return [
    ...r.stopped.map((n) => `reconcile: network '${n}' lost its bridge; cleaned up and marked inactive`),
    ...r.restartedDnsmasq.map((n) => `reconcile: restarted dnsmasq of network '${n}'`),
    ...r.removedBridges.map((b) => `reconcile: removed leftover bridge ${b}`),
    ...r.removedTables.map((t) => `reconcile: removed leftover nftables table inet ${t}`),
    ...r.killedDnsmasq.map((p) => `reconcile: stopped leftover dnsmasq ${p}`),
    ...r.removedFiles.map((f) => `reconcile: removed leftover file ${f}`),
  ];
}
