// Test hooks, honoured by start plans only:
//  - SWITCHYARD_FAIL_AT=<step id> makes a start fail right after that step's
//    operations have all run, before the step counts as complete. The rollback then
//    undoes that step too, so one run per step id exercises every undo, including the
//    last step's (the status files).
//  - SWITCHYARD_PAUSE_AT=<step id> makes the process that runs the engine stop itself
//    (SIGSTOP) right after that step's operations have all run, so a test can act at a
//    known point in the middle of a start (signal the helper, say) and then let it go
//    on with SIGCONT. A test sees the pause as state 'T' in /proc/PID/stat.
import type { StepId } from '../../core/plan/index.js';
import { HostError } from '../host-error.js';

export function injectedFailure(env: NodeJS.ProcessEnv, step: StepId): HostError | undefined {
  if (env.SWITCHYARD_FAIL_AT !== step) return undefined;
  return new HostError('internal', `injected failure after step '${step}' (SWITCHYARD_FAIL_AT)`);
}

export function pauseIfAsked(env: NodeJS.ProcessEnv, step: StepId): void {
  if (env.SWITCHYARD_PAUSE_AT === step) process.kill(process.pid, 'SIGSTOP');
}

/** Steps a hook acts right after: an `ip -batch` group must end there. */
export function hookedSteps(env: NodeJS.ProcessEnv): ReadonlySet<string> {
  return new Set([env.SWITCHYARD_FAIL_AT, env.SWITCHYARD_PAUSE_AT].filter((s) => s !== undefined));
}
