// Runs a plan's steps in order, a group of steps marked withPrevious concurrently
// (Promise.all; the group ends when all of them have). On any failure it undoes, in
// reverse, every step that got past its first operation (the failed one, the
// completed ones, the rest of its group), so a failed start leaves nothing behind; the error names the failure, and its detail lists
// anything the rollback itself could not undo.
import type { Plan, Step, StepId } from '../../core/plan/index.js';
import { HostError } from '../host-error.js';
import type { EngineContext } from './engine-context.js';
import { hookedSteps, injectedFailure, pauseIfAsked } from './fail-injection.js';
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
  /** Honour SWITCHYARD_FAIL_AT and SWITCHYARD_PAUSE_AT (start plans only). */
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
  const hooked = opts.failureInjection ? hookedSteps(ctx.env) : new Set<string>();
  for (let i = 0; i < plan.steps.length; ) {
    const concurrent = concurrentGroup(plan.steps, i);
    const group = concurrent.length > 1 ? concurrent : batchGroup(plan.steps, i, hooked);
    i += group.length;
    for (const step of group) ctx.log?.(`${step.id}: ${step.title}`);
    const outcomes =
      concurrent.length > 1 ? await runConcurrently(group, ctx, rt) : [await runTimed(group, ctx, rt)];
    let failed: Failed | undefined;
    for (const [k, outcome] of outcomes.entries()) {
      const steps = concurrent.length > 1 ? [group[k] as Step] : group;
      timings.push(...groupTimings(steps, outcome.ms));
      // settle runs for every outcome: it also records the group's finished steps.
      const stepFailed = settle(steps, outcome, done, ctx, opts);
      failed ??= stepFailed;
    }
    if (failed) throw await rollback(plan, failed.step.id, failed.failure, [...done].reverse(), ctx, rt);
  }
  return { completed: done.map((s) => s.id), ...withPid(rt.dnsmasqPid), timings };
}

interface Failed {
  step: Step;
  failure: unknown;
}

/**
 * Records which of the steps that ran together (in one process or one after another)
 * count as done, returning the first failure, real or injected, among them.
 */
function settle(steps: Step[], outcome: Outcome, done: Step[], ctx: EngineContext, opts: ExecuteOptions) {
  let failed: Failed | undefined;
  let offset = 0;
  for (const step of steps) {
    const ran = Math.max(0, Math.min(step.do.length, outcome.completedOps - offset));
    offset += step.do.length;
    const failure =
      ran < step.do.length
        ? outcome.failure
        : opts.failureInjection
          ? injectedFailure(ctx.env, step.id)
          : undefined;
    if (failure !== undefined) failed ??= { step, failure };
    else if (opts.failureInjection) pauseIfAsked(ctx.env, step.id);
    // A step is undone once any of its operations ran, the failed one included:
    // its undo tolerates what is missing, while undoing a step that never started
    // could remove something that is not ours (e.g. a bridge whose name was taken).
    // In a concurrent group the others may have finished meanwhile: undone too.
    if (ran > 0 || step.do.length === 0) done.push(step);
  }
  return failed;
}

interface Outcome {
  ms: number;
  /** How many of the steps' operations completed (all of them when failure is undefined). */
  completedOps: number;
  failure?: unknown;
}

/**
 * Runs each step of a concurrent group on its own, launching the last step first:
 * starting a process blocks the event loop for ~8 ms (fork), so what is launched
 * first gets a head start, and a plan lists the step the others used to wait for
 * last (in a stop, the bridge delete: the kernel's slowest part, ~50 ms). The
 * outcomes come back in plan order.
 */
async function runConcurrently(group: Step[], ctx: EngineContext, rt: Runtime): Promise<Outcome[]> {
  const reversed = await Promise.all([...group].reverse().map((s) => runTimed([s], ctx, rt)));
  return reversed.reverse();
}

/** Runs the steps' operations one after another (ip commands batched). */
async function runTimed(steps: Step[], ctx: EngineContext, rt: Runtime): Promise<Outcome> {
  const t0 = performance.now();
  try {
    await runOps(
      steps.flatMap((s) => s.do),
      ctx,
      rt,
    );
    return { ms: performance.now() - t0, completedOps: Number.POSITIVE_INFINITY };
  } catch (err) {
    const failure = err instanceof OpsError ? err.failure : err;
    const completedOps = err instanceof OpsError ? err.completed : 0;
    return { ms: performance.now() - t0, completedOps, failure };
  }
}

/** The step at `from` and the ones that run at the same time as it (Step.withPrevious). */
function concurrentGroup(steps: Step[], from: number): Step[] {
  let end = from + 1;
  while (steps[end]?.withPrevious) end++;
  return steps.slice(from, end);
}

/**
 * Consecutive steps made only of `ip` commands share one `ip -batch` process (each
 * process costs several ms); a group ends at a SWITCHYARD_FAIL_AT or _PAUSE_AT step
 * so the injected failure or pause still comes right after that step.
 */
function batchGroup(steps: Step[], from: number, hooked: ReadonlySet<string>): Step[] {
  const group: Step[] = [];
  for (let i = from; i < steps.length; i++) {
    const step = steps[i] as Step;
    if (group.length > 0 && (!ipOnly(step) || step.withPrevious || steps[i + 1]?.withPrevious)) break;
    group.push(step);
    if (!ipOnly(step) || hooked.has(step.id)) break;
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
