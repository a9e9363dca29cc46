// What every engine function is given instead of reading globals: the state
// directories and the environment (for the SWITCHYARD_FAIL_AT / _PAUSE_AT test hooks). The engine itself is
// namespace-agnostic; it acts on the network namespace of the process running it.
import type { PlanContext } from '../../core/plan/index.js';
import type { LinkState } from '../exec/read-links.js';
import { type HostPaths, pidFilePath, qemuAclPaths, rootId } from '../paths.js';

export interface EngineContext {
  paths: HostPaths;
  env: NodeJS.ProcessEnv;
  /** Progress lines (step titles, rollback notes); silent when absent. */
  log?: (line: string) => void;
  /**
   * The host's links as this command read them before it changed any (a stop's
   * reading): good for questions about other programs' bridges, which our own
   * change leaves as they were, saving a process start after it.
   */
  linksBefore?: LinkState;
}

/**
 * The host's links and routes as reconcile last read them, when it changed none, per
 * state-directory set (callers may build a context per call around the same paths).
 * The start that follows under the same lock plans against them instead of running
 * `ip` again: each process start costs ~8 ms of blocked event loop here. Reading
 * again would not close the race with other programs either (nothing holds the host
 * still between reading and acting); a bridge name taken meanwhile makes the kernel
 * refuse `ip link add`, and the start rolls back. A stop drops the cache.
 */
const linkCache = new WeakMap<HostPaths, { state: LinkState; at: number }>();

/**
 * How old a reading reconcile made may be when the start after it uses it (they run
 * back to back under one lock; older means it came from another command).
 */
export const RECONCILE_READING_MS = 1_000;

export function cacheLinkState(ctx: EngineContext, state: LinkState): void {
  linkCache.set(ctx.paths, { state, at: performance.now() });
}

/** Reconcile's link state if recent, else undefined; either way the cache is emptied. */
export function takeLinkCache(ctx: EngineContext): LinkState | undefined {
  const state = peekLinkCache(ctx);
  linkCache.delete(ctx.paths);
  return state;
}

/**
 * Reconcile's link state if recent, left cached: for questions that change no link
 * (which names and subnets are taken, as define asks), so a start after them in the
 * same command still finds it.
 */
export function peekLinkCache(ctx: EngineContext): LinkState | undefined {
  const cached = linkCache.get(ctx.paths);
  return cached && performance.now() - cached.at < RECONCILE_READING_MS ? cached.state : undefined;
}

export function planContextFor(paths: HostPaths, name: string, persistent: boolean): PlanContext {
  return {
    stateDir: paths.stateDir,
    runDir: paths.runDir,
    pidFile: pidFilePath(paths, name),
    rootId: rootId(paths),
    persistent,
    qemuAcl: qemuAclPaths(paths),
  };
}
