// The engine as the registry (host/networks) sees it: EnginePort bound to one set
// of state directories and one environment. The caller holds the host lock.
import { repairHost, runDoctor } from '../doctor/index.js';
import { readLinkState } from '../exec/read-links.js';
import type { EnginePort, NextChange } from '../networks/engine-port.js';
import type { HostPaths } from '../paths.js';
import { type EngineContext, peekLinkCache } from './engine-context.js';
import { type ReconcileFor, reconcile } from './reconcile.js';
import { startNetwork } from './start-network.js';
import { stopNetwork } from './stop-network.js';

export function createEngine(
  paths: HostPaths,
  env: NodeJS.ProcessEnv,
  log?: (line: string) => void,
): EnginePort {
  const ctx: EngineContext = { paths, env, ...(log ? { log } : {}) };
  // Under the lock reconcile has just read them; a second `ip` would cost a process start.
  const linkState = async () => peekLinkCache(ctx) ?? (await readLinkState());
  return {
    start: async (def, persistent) => (await startNetwork(def, ctx, { persistent })).status,
    stop: async (status) => {
      await stopNetwork(status, ctx);
    },
    reconcile: async (next) => {
      await reconcile(ctx, reconcileIntent(next));
    },
    hostLinkNames: async () => (await linkState()).links.map((l) => l.name),
    hostSubnets: async () => (await linkState()).routes.map((r) => r.cidr),
    doctor: (name) => runDoctor(paths, env, name === undefined ? {} : { network: name }),
    repair: (actions, name) => repairHost(paths, env, actions, name === undefined ? {} : { network: name }),
  };
}

function reconcileIntent(next: NextChange | undefined): ReconcileFor {
  if (next === undefined) return {};
  if (next === 'start') return { start: true };
  return { stopping: next.stop };
}
