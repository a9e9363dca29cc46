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
  /** Steps whose commands ran in one `ip -batch` process; the time is on the first of them. */
  batch?: StepId[];
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
  const failAt = opts.failureInjection ? ctx.env.SWITCHYARD_FAIL_AT : undefined;
  for (let i = 0; i < plan.steps.length; ) {
    const group = stepGroup(plan.steps, i, failAt);
    i += group.length;
    const t0 = performance.now();
    for (const step of group) ctx.log?.(`${step.id}: ${step.title}`);
    let failure: unknown;
    let completedOps = Number.POSITIVE_INFINITY;
    try {
      await runOps(
        group.flatMap((s) => s.do),
        ctx,
        rt,
      );
    } catch (err) {
      failure = err instanceof OpsError ? err.failure : err;
      completedOps = err instanceof OpsError ? err.completed : 0;
    }
    timings.push(...groupTimings(group, performance.now() - t0));
    let offset = 0;
    for (const step of group) {
      const ran = Math.max(0, Math.min(step.do.length, completedOps - offset));
      offset += step.do.length;
      const stepFailure =
        ran < step.do.length
          ? failure
          : opts.failureInjection
            ? injectedFailure(ctx.env, step.id)
            : undefined;
      if (stepFailure !== undefined) {
        // The failed step is undone too once any of its operations ran: its undo
        // tolerates what is missing, while undoing a step that never started could
        // remove something that is not ours (e.g. a bridge whose name was taken).
        const undone = ran > 0 ? [step, ...done.reverse()] : done.reverse();
        throw await rollback(plan, step.id, stepFailure, undone, ctx, rt);
      }
      done.push(step);
    }
  }
  return { completed: done.map((s) => s.id), ...withPid(rt.dnsmasqPid), timings };
}

/**
 * Consecutive steps made only of `ip` commands share one `ip -batch` process (each
 * process costs several ms); a group ends at the SWITCHYARD_FAIL_AT step so the
 * injected failure still comes right after that step.
 */
function stepGroup(steps: Step[], from: number, failAt: string | undefined): Step[] {
  const group: Step[] = [];
  for (let i = from; i < steps.length; i++) {
    const step = steps[i] as Step;
    if (group.length > 0 && !ipOnly(step)) break;
    group.push(step);
    if (!ipOnly(step) || step.id === failAt) break;
  }
  return group;
}

const ipOnly = (step: Step): boolean =>
  step.do.length > 0 && step.do.every((op) => op.op === 'ip' && !op.absentOk);

function groupTimings(group: Step[], ms: number): StepTiming[] {
  if (group.length === 1) return [{ id: (group[0] as Step).id, ms }];
  const batch = group.map((s) => s.id);
  return group.map((s, i) => ({ id: s.id, ms: i === 0 ? ms : 0, batch }));
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
