// Test hooks, read from the environment of the process that runs the engine:
//  - SWITCHYARD_FAIL_AT=<step id> makes a start fail right after that step's
//    operations have all run, before the step counts as complete. The rollback then
//    undoes that step too, so one run per step id exercises every undo, including
//    the last step's (the status files).
//  - SWITCHYARD_PAUSE_AT=<step id> makes the process stop itself (SIGSTOP) right
//    after that step of a start or stop has completed, so a test can kill -9 it at
//    a known point instead of after a guessed delay. Steps that normally run at the
//    same time as others run one by one then, so each is a point of its own. A live
//    update (net-update, Reserve) has points of its own: 'update-intent' once its
//    intent and new definitions are written, and 'update-<op>' after each host
//    operation it runs (update-nft, update-dnsmasq-stop, update-write-file, ...).
import type { Step, StepId } from '../../core/plan/index.js';
import { HostError } from '../host-error.js';

export function injectedFailure(env: NodeJS.ProcessEnv, step: StepId): HostError | undefined {
  if (env.SWITCHYARD_FAIL_AT !== step) return undefined;
  return new HostError('internal', `injected failure after step '${step}' (SWITCHYARD_FAIL_AT)`);
}

export const pauseStep = (env: NodeJS.ProcessEnv): string | undefined => env.SWITCHYARD_PAUSE_AT || undefined;

/** Stops the whole process (SIGCONT resumes it) if one of the steps just completed is the pause point. */
export function pauseIfAsked(env: NodeJS.ProcessEnv, completed: Step[], log?: (line: string) => void): void {
  const at = pauseStep(env);
  if (at !== undefined && completed.some((s) => s.id === at)) pauseAt(env, at, log);
}

/** Stops the whole process if POINT is the pause point. */
export function pauseAt(env: NodeJS.ProcessEnv, point: string, log?: (line: string) => void): void {
  if (pauseStep(env) !== point) return;
  log?.(`paused after '${point}' (SWITCHYARD_PAUSE_AT), pid ${process.pid}`);
  process.kill(process.pid, 'SIGSTOP');
}
