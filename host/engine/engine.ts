// The engine as the registry (host/networks) sees it: EnginePort bound to one set
// of state directories and one environment. The caller holds the host lock.
import { repairHost, runDoctor } from '../doctor/index.js';
import { readLinkState } from '../exec/read-links.js';
import type { EnginePort } from '../networks/engine-port.js';
import type { HostPaths } from '../paths.js';
import type { EngineContext } from './engine-context.js';
import { reconcile } from './reconcile.js';
import { startNetwork } from './start-network.js';
import { stopNetwork } from './stop-network.js';

export function createEngine(
  paths: HostPaths,
  env: NodeJS.ProcessEnv,
  log?: (line: string) => void,
): EnginePort {
  const ctx: EngineContext = { paths, env, ...(log ? { log } : {}) };
  return {
    start: async (def, persistent) => (await startNetwork(def, ctx, { persistent })).status,
    stop: async (status) => {
      await stopNetwork(status, ctx);
    },
    reconcile: async () => {
      await reconcile(ctx);
    },
    hostLinkNames: async () => (await readLinkState()).links.map((l) => l.name),
    hostSubnets: async () => (await readLinkState()).routes.map((r) => r.cidr),
    doctor: (name) => runDoctor(paths, env, name === undefined ? {} : { network: name }),
    repair: (actions, name) => repairHost(paths, env, actions, name === undefined ? {} : { network: name }),
  };
}
