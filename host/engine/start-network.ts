import type { NetworkDef } from '../../core/model/index.js';
import { type Plan, planStart } from '../../core/plan/index.js';
import { HostError } from '../host-error.js';
import { problemError } from '../problem-error.js';
import { readActive } from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';
import { type EngineContext, planContextFor, takeLinkCache } from './engine-context.js';
import { type ExecuteResult, executePlan } from './execute-plan.js';
import { takeHostChains } from './host-chain-reading.js';
import { readHostFacts } from './host-facts.js';

export interface StartOptions {
  persistent: boolean;
}

export interface StartResult {
  status: NetworkStatus;
  execution: ExecuteResult;
}

export async function planNetworkStart(
  def: NetworkDef,
  ctx: EngineContext,
  opts: StartOptions,
): Promise<Plan> {
  if (readActive(ctx.paths, def.name))
    throw new HostError('conflict', `network '${def.name}' is already active`);
  const facts = await readHostFacts(ctx.paths, takeLinkCache(ctx), def, (families) =>
    takeHostChains(ctx, families),
  );
  const planned = planStart(def, facts, planContextFor(ctx.paths, def.name, opts.persistent));
  if (!planned.ok) throw problemError(planned.error);
  return planned.value;
}

export async function startNetwork(
  def: NetworkDef,
  ctx: EngineContext,
  opts: StartOptions,
): Promise<StartResult> {
  const plan = await planNetworkStart(def, ctx, opts);
  const execution = await executePlan(plan, ctx, { failureInjection: true });
  const record = readActive(ctx.paths, def.name);
  if (!record)
    throw new HostError('internal', `network '${def.name}' started but its status file is missing`);
  return { status: record.status, execution };
}
