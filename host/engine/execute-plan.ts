// Runs a plan's steps in order. On any failure it undoes, in reverse, the failed
// step (when it got past its first operation) and every completed step, so a failed
// start leaves nothing behind; the error names the failure, and its detail lists
// anything the rollback itself could not undo.
import type { Plan, Step, StepId } from '../../core/plan/index.js';
import { HostError } from '../host-error.js';
import type { EngineContext } from './engine-context.js';
import { injectedFailure } from './fail-injection.js';
import { OpsError, type Runtime, runOps, runUndo } from './run-ops.js';

export interface StepTiming {
  id: StepId;
  ms: number;
}

export interface ExecuteResult {
  completed: StepId[];
  dnsmasqPid?: number;
  timings: StepTiming[];
}

export interface ExecuteOptions {
  /** Honour SWITCHYARD_FAIL_AT (start plans only). */
  failureInjection?: boolean;
}

export async function executePlan(
  plan: Plan,
  ctx: EngineContext,
  opts: ExecuteOptions = {},
): Promise<ExecuteResult> {
  const rt: Runtime = {};
  const done: Step[] = [];
  const timings: StepTiming[] = [];
  for (const step of plan.steps) {
    const t0 = performance.now();
    ctx.log?.(`${step.id}: ${step.title}`);
    let failure: unknown;
    let started = false;
    try {
      await runOps(step.do, ctx, rt);
      started = step.do.length > 0;
      failure = opts.failureInjection ? injectedFailure(ctx.env, step.id) : undefined;
    } catch (err) {
      failure = err instanceof OpsError ? err.failure : err;
      started = err instanceof OpsError && err.completed > 0;
    }
    timings.push({ id: step.id, ms: performance.now() - t0 });
    if (failure !== undefined) {
      const undone = started ? [step, ...done.reverse()] : done.reverse();
      throw await rollback(plan, step.id, failure, undone, ctx, rt);
    }
    done.push(step);
  }
  return { completed: done.map((s) => s.id), ...withPid(rt.dnsmasqPid), timings };
}

const withPid = (pid: number | undefined): { dnsmasqPid?: number } =>
  pid === undefined ? {} : { dnsmasqPid: pid };

async function rollback(
  plan: Plan,
  failedAt: StepId,
  failure: unknown,
  steps: Step[],
  ctx: EngineContext,
  rt: Runtime,
): Promise<HostError> {
  const problems: string[] = [];
  for (const step of steps) {
    if (step.undo.length === 0) continue;
    ctx.log?.(`undo ${step.id}`);
    problems.push(...(await runUndo(step.undo, ctx, rt)));
  }
  const reason = failure instanceof Error ? failure.message : String(failure);
  const code = failure instanceof HostError ? failure.code : 'host-op-failed';
  const message = reason.startsWith(`network '${plan.network}'`)
    ? reason
    : `network '${plan.network}': ${reason}`;
  const detail = [
    `failed at step '${failedAt}'`,
    ...(problems.length ? [`rollback left: ${problems.join('; ')}`] : ['rolled back completely']),
  ].join('\n');
  return new HostError(code, message, detail);
}
