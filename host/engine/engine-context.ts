// What every engine function is given instead of reading globals: the state
// directories and the environment (for SWITCHYARD_FAIL_AT). The engine itself is
// namespace-agnostic; it acts on the network namespace of the process running it.
import type { PlanContext } from '../../core/plan/index.js';
import { type HostPaths, pidFilePath } from '../paths.js';

export interface EngineContext {
  paths: HostPaths;
  env: NodeJS.ProcessEnv;
  /** Progress lines (step titles, rollback notes); silent when absent. */
  log?: (line: string) => void;
}

export function planContextFor(paths: HostPaths, name: string, persistent: boolean): PlanContext {
  return { stateDir: paths.stateDir, runDir: paths.runDir, pidFile: pidFilePath(paths, name), persistent };
}
