// net-destroy: the stop plan of the network's status. A step that fails stops the
// run with the status and the stop's intent record in place, so a retry or
// reconcile finishes the job.
import { planStop } from '../../core/plan/index.js';
import { type LinkState, readLinkState } from '../exec/read-links.js';
import { HostError } from '../host-error.js';
import { pidFilePath, rootId } from '../paths.js';
import { readActive } from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';
import { type BridgeOwnership, bridgeOwnership } from './bridge-ownership.js';
import { type EngineContext, takeLinkCache } from './engine-context.js';
import { type ExecuteResult, executePlan } from './execute-plan.js';

export type StopTarget = Pick<NetworkStatus, 'name' | 'bridge' | 'table' | 'hostRules' | 'dnsmasqPid'>;

export function stopPlanFor(target: StopTarget, ctx: EngineContext, foreignBridge = false) {
  return planStop(
    {
      name: target.name,
      bridge: target.bridge,
      ...(target.table === undefined ? {} : { table: target.table }),
      ...(target.hostRules?.length ? { hostRules: target.hostRules } : {}),
      ...(target.dnsmasqPid === undefined ? {} : { dnsmasqPid: target.dnsmasqPid }),
      ...(foreignBridge ? { foreignBridge } : {}),
    },
    { stateDir: ctx.paths.stateDir, pidFile: pidFilePath(ctx.paths, target.name) },
  );
}

/**
 * Stops the network, deleting its bridge (and the table named after it) only if the
 * link of that name is ours; `accept` lists what else counts as ours (an intent
 * record vouches for an unnamed bridge). LINKS: a fresh reading, else one is made.
 */
export async function stopNetwork(
  target: StopTarget,
  ctx: EngineContext,
  opts: { links?: LinkState; accept?: BridgeOwnership[] } = {},
): Promise<ExecuteResult> {
  const links = opts.links ?? takeLinkCache(ctx) ?? (await readLinkState());
  takeLinkCache(ctx); // the links change
  const owner = bridgeOwnership(links, target.bridge, rootId(ctx.paths));
  const ours = owner === 'ours' || owner === 'absent' || (opts.accept ?? []).includes(owner);
  return executePlan(stopPlanFor(target, ctx, !ours), ctx);
}

export async function stopNetworkByName(name: string, ctx: EngineContext): Promise<ExecuteResult> {
  const record = readActive(ctx.paths, name);
  if (!record) throw new HostError('conflict', `network '${name}' is not active`);
  return stopNetwork(record.status, ctx);
}
