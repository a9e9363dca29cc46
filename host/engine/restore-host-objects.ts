// Step 4 of reconcile: what other programs took away from networks that still run.
// A `flush ruleset` (a reload of a hand-written /etc/nftables.conf) removes our
// tables; Docker or ufw started after the network make the host's iptables chains
// drop its traffic; a crash may have left NetworkManager's list stale. Each is put
// back as the network's start would have made it, and every new rule is recorded in
// the network's status before it is inserted, so stop removes it. A network the
// command is about to stop is left out: its stop removes these whether or not they are
// there. Last, host-wide sysctls nothing needs any more are put back.
import { commentsIn, firewallRuleset, type HostChainRule, wantsFirewall } from '../../core/firewall/index.js';
import { neededHostRules } from '../../core/plan/index.js';
import { insertHostRules } from '../exec/iptables.js';
import { setUnmanagedBridges } from '../exec/network-manager.js';
import { nftApply, nftListTables } from '../exec/nft.js';
import { readActive, writeActive } from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';
import { type ActiveNetwork, readActiveNetworks } from './active-networks.js';
import type { EngineContext } from './engine-context.js';
import { readHostChainsInReconcile } from './host-chain-reading.js';
import { restoreSysctls } from './host-sysctls.js';
import type { ReconcileReport } from './reconcile-report.js';

export async function restoreHostObjects(
  ctx: EngineContext,
  root: string,
  report: ReconcileReport,
  restoring: (s: NetworkStatus) => boolean,
): Promise<void> {
  const nets = readActiveNetworks(ctx.paths);
  const firewalled = nets.filter((n) => wantsFirewall(n.def) && n.status.table && restoring(n.status));
  // The nft and the iptables readings (and what each puts back) are independent:
  // one process start's wait instead of two.
  if (firewalled.length)
    await Promise.all([restoreTables(firewalled, report), restoreHostRules(ctx, firewalled, root, report)]);
  const bridges = nets.map((n) => n.status.bridge);
  if (await setUnmanagedBridges(ctx.env, root, bridges)) {
    report.rewroteNetworkManager.push(bridges.length ? bridges.join(' ') : '(none)');
  }
  report.restoredSysctls.push(...(await restoreSysctls(ctx)));
}

async function restoreTables(nets: ActiveNetwork[], report: ReconcileReport): Promise<void> {
  const present = new Set((await nftListTables()).filter((t) => t.family === 'inet').map((t) => t.name));
  for (const { def, status } of nets) {
    if (!status.table || present.has(status.table)) continue;
    await nftApply(firewallRuleset(def, { bridge: status.bridge, tableName: status.table }));
    report.restoredTables.push(status.table);
  }
}

async function restoreHostRules(
  ctx: EngineContext,
  nets: ActiveNetwork[],
  root: string,
  report: ReconcileReport,
): Promise<void> {
  const reading = await readHostChainsInReconcile(ctx);
  for (const { def, status } of nets) {
    const missing = neededHostRules(def, status.bridge, root, reading.facts).filter((r) => {
      const listing = reading.listings[r.family];
      return listing !== undefined && !commentsIn(listing, r.chain).has(r.comment);
    });
    if (missing.length === 0) continue;
    const record = readActive(ctx.paths, status.name);
    if (!record) continue;
    const hostRules = mergeRules(record.status.hostRules ?? [], missing);
    writeActive(ctx.paths, status.name, { xml: record.xml, status: { ...record.status, hostRules } });
    await insertHostRules(missing);
    report.restoredHostRules.push(`${status.name}: ${missing.length}`);
  }
}

function mergeRules(have: HostChainRule[], add: HostChainRule[]): HostChainRule[] {
  const key = (r: HostChainRule) => `${r.family} ${r.chain} ${r.comment}`;
  const seen = new Set(have.map(key));
  return [...have, ...add.filter((r) => !seen.has(key(r)))];
}
