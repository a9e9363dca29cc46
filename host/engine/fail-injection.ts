// Test hook: SWITCHYARD_FAIL_AT=<step id> makes a start fail right after that step's
// operations have all run, before the step counts as complete. The rollback then
// undoes that step too, so one run per step id exercises every undo, including the
// last step's (the status files).
import type { StepId } from '../../core/plan/index.js';
import { HostError } from '../host-error.js';

export function injectedFailure(env: NodeJS.ProcessEnv, step: StepId): HostError | undefined {
  if (env.SWITCHYARD_FAIL_AT !== step) return undefined;
  return new HostError('internal', `injected failure after step '${step}' (SWITCHYARD_FAIL_AT)`);
}
