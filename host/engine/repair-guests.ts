// Part of reconcile's step 2: a running network whose guest objects went missing
// (someone flushed the nftables ruleset, deleted the IFB or the bridge's qdiscs) gets
// them made again from its live definition, with the same steps a start runs. Costs
// nothing for networks without port isolation or <bandwidth>: only they are looked at.
import { readNetworkDefinition } from '../../core/definition.js';
import { unprivilegedAttach } from '../../core/guests/index.js';
import type { NetworkDef } from '../../core/model/index.js';
import { fileStem } from '../../core/names/index.js';
import {
  bandwidthStep,
  bridgeAlias,
  type GuestObjects,
  type HostOp,
  ifbNameFor,
  isolationMethod,
  isolationStep,
  isolationTable,
  type Step,
  wantsIfb,
  wantsIsolation,
} from '../../core/plan/index.js';
import { nftListTables } from '../exec/nft.js';
import type { LinkState } from '../exec/read-links.js';
import { runTc } from '../exec/tc.js';
import { readKernelFacts } from '../guests/kernel-facts.js';
import { qemuAclPaths, rootId } from '../paths.js';
import { readActive } from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';
import type { EngineContext } from './engine-context.js';
import type { ReconcileReport } from './reconcile-report.js';
import { runOps, runUndo } from './run-ops.js';

export async function repairGuests(
  ctx: EngineContext,
  links: LinkState,
  active: NetworkStatus[],
  report: ReconcileReport,
): Promise<void> {
  const candidates = active.flatMap((status) => {
    const xml = readActive(ctx.paths, status.name)?.xml;
    const maybe = status.guests?.isolationTable || status.guests?.ifb || xml?.includes('<bandwidth');
    const parsed = maybe && xml ? readNetworkDefinition(xml) : undefined;
    return parsed?.ok ? [{ status, def: parsed.value }] : [];
  });
  if (candidates.length === 0) return;
  const tables = candidates.some((c) => c.status.guests?.isolationTable)
    ? new Set((await nftListTables()).map((t) => `${t.family} ${t.name}`))
    : new Set<string>();
  const linkNames = new Set(links.links.map((l) => l.name));
  for (const { status, def } of candidates) {
    const iso = status.guests?.isolationTable;
    if (iso && !tables.has(iso)) {
      const method = iso.startsWith('bridge ') ? 'bridge-meta' : 'br-netfilter';
      await redo(isolationStep(status.bridge, method), ctx);
      report.repairedGuests.push(`${status.name}: port isolation table ${iso}`);
    }
    if (def.bandwidth && !(await shapingIntact(status, def, linkNames))) {
      await redo(bandwidthStep(def, status.bridge, bridgeAlias(rootId(ctx.paths), fileStem(def.name))), ctx);
      report.repairedGuests.push(`${status.name}: <bandwidth> qdiscs on ${status.bridge}`);
    }
  }
}

/**
 * What a start of DEF made for its guests, for a status rebuilt from its live XML
 * (the objects themselves are then checked, and made again if missing, above).
 */
export async function guestObjectsOf(
  ctx: EngineContext,
  def: NetworkDef,
  bridge: string,
): Promise<GuestObjects | undefined> {
  const method = wantsIsolation(def) ? isolationMethod(def, await readKernelFacts()) : undefined;
  const guests: GuestObjects = {
    ...(typeof method === 'string' ? { isolationTable: isolationTable(method, bridge) } : {}),
    ...(wantsIfb(def) ? { ifb: ifbNameFor(bridge) } : {}),
    ...(unprivilegedAttach(def) ? { qemuAcl: qemuAclPaths(ctx.paths).file } : {}),
  };
  return Object.keys(guests).length ? guests : undefined;
}

/** Undo first (it tolerates what is gone), so a half-present set is rebuilt whole. */
async function redo(step: Step, ctx: EngineContext): Promise<void> {
  await runUndo(step.undo, ctx, {});
  await runOps(step.do as HostOp[], ctx, {});
}

interface TcQdisc {
  kind?: string;
  handle?: string;
  root?: boolean;
}

async function shapingIntact(status: NetworkStatus, def: NetworkDef, links: Set<string>): Promise<boolean> {
  const qdiscs = JSON.parse(await runTc(['-j', 'qdisc', 'show', 'dev', status.bridge])) as TcQdisc[];
  const hasRoot = qdiscs.some((q) => q.root && q.kind === 'htb' && q.handle === '1:');
  const hasIngress = qdiscs.some((q) => q.kind === 'ingress');
  const wantsIn = (def.bandwidth?.inbound?.average ?? 0) > 0;
  const ifb = status.guests?.ifb;
  return (!wantsIn || hasRoot) && (ifb === undefined || (hasIngress && links.has(ifb)));
}
