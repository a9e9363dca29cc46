// net-destroy: the stop plan of the network's status. A step that fails stops the
// run with the status still in place, so a retry or reconcile can finish the job.
import { planStop } from '../../core/plan/index.js';
import { HostError } from '../host-error.js';
import { pidFilePath } from '../paths.js';
import { readActive } from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';
import { type EngineContext, takeLinkCache } from './engine-context.js';
import { type ExecuteResult, executePlan } from './execute-plan.js';

export type StopTarget = Pick<NetworkStatus, 'name' | 'bridge' | 'table' | 'dnsmasqPid'>;

export function stopPlanFor(target: StopTarget, ctx: EngineContext) {
  return planStop(
    {
      name: target.name,
      bridge: target.bridge,
      ...(target.table === undefined ? {} : { table: target.table }),
      ...(target.dnsmasqPid === undefined ? {} : { dnsmasqPid: target.dnsmasqPid }),
    },
    { stateDir: ctx.paths.stateDir, pidFile: pidFilePath(ctx.paths, target.name) },
  );
}

export async function stopNetwork(target: StopTarget, ctx: EngineContext): Promise<ExecuteResult> {
  takeLinkCache(ctx); // the links change
  return executePlan(stopPlanFor(target, ctx), ctx);
}

export async function stopNetworkByName(name: string, ctx: EngineContext): Promise<ExecuteResult> {
  const record = readActive(ctx.paths, name);
  if (!record) throw new HostError('conflict', `network '${name}' is not active`);
  return stopNetwork(record.status, ctx);
}
