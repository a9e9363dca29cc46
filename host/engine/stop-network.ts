// net-destroy: the stop plan of the network's status. A step that fails stops the
// run with the status and the stop's intent record in place, so a retry or
// reconcile finishes the job.

import type { RememberedPort } from '../../core/guests/index.js';
import { planStop } from '../../core/plan/index.js';
import { type LinkState, readLinkState } from '../exec/read-links.js';
import { portsToRemember } from '../guests/port-links.js';
import { HostError } from '../host-error.js';
import { pidFilePath, portsFilePath, rootId } from '../paths.js';
import { readActive } from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';
import { type BridgeOwnership, bridgeOwnership } from './bridge-ownership.js';
import { type EngineContext, takeLinkCache } from './engine-context.js';
import { type ExecuteResult, executePlan } from './execute-plan.js';

export type StopTarget = Pick<
  NetworkStatus,
  'name' | 'bridge' | 'table' | 'hostRules' | 'dnsmasqPid' | 'guests'
>;

/** PORTS: the bridge's ports now (recorded for the next start), undefined when it is gone. */
export function stopPlanFor(
  target: StopTarget,
  ctx: EngineContext,
  foreignBridge = false,
  ports?: RememberedPort[],
) {
  return planStop(
    {
      name: target.name,
      bridge: target.bridge,
      ...(target.table === undefined ? {} : { table: target.table }),
      ...(target.hostRules?.length ? { hostRules: target.hostRules } : {}),
      ...(target.guests === undefined ? {} : { guests: target.guests }),
      ...(target.dnsmasqPid === undefined ? {} : { dnsmasqPid: target.dnsmasqPid }),
      ...(foreignBridge ? { foreignBridge } : {}),
      ...(ports === undefined ? {} : { ports }),
    },
    {
      stateDir: ctx.paths.stateDir,
      pidFile: pidFilePath(ctx.paths, target.name),
      portsFile: portsFilePath(ctx.paths, target.name),
    },
  );
}

/**
 * Stops the network, deleting its bridge (and the table named after it) only if the
 * link of that name is ours; `accept` lists what else counts as ours (an intent
 * record vouches for an unnamed bridge). LINKS: a fresh reading, else one is made.
 * The bridge's ports are recorded for the next start (core/plan/guest-steps.ts).
 */
export async function stopNetwork(
  target: StopTarget,
  ctx: EngineContext,
  opts: { links?: LinkState; accept?: BridgeOwnership[]; undoingStart?: boolean } = {},
): Promise<ExecuteResult> {
  const links = opts.links ?? takeLinkCache(ctx) ?? (await readLinkState());
  takeLinkCache(ctx); // the links change
  const owner = bridgeOwnership(links, target.bridge, rootId(ctx.paths));
  const ours = owner === 'ours' || owner === 'absent' || (opts.accept ?? []).includes(owner);
  const now = ours ? portsToRemember(target.bridge) : undefined;
  // Undoing a start that a crash cut short: its bridge may not have got its former
  // ports back yet, and the record of them must survive for the next start.
  const ports = opts.undoingStart && now?.length === 0 ? undefined : now;
  return executePlan(stopPlanFor(target, ctx, !ours, ports), { ...ctx, linksBefore: links });
}

export async function stopNetworkByName(name: string, ctx: EngineContext): Promise<ExecuteResult> {
  const record = readActive(ctx.paths, name);
  if (!record) throw new HostError('conflict', `network '${name}' is not active`);
  return stopNetwork(record.status, ctx);
}
