// The engine as the registry (host/networks) sees it: EnginePort bound to one set
// of state directories and one environment. The caller holds the host lock.
import { guestFamilies, wantsFirewall } from '../../core/firewall/index.js';
import type { IpFamily, NetworkDef } from '../../core/model/index.js';
import { assertNever } from '../../core/result.js';
import { repairHost, runDoctor } from '../doctor/index.js';
import { readLinkState } from '../exec/read-links.js';
import { currentDefinition } from '../guests/current-definition.js';
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
      await reconcile(ctx, reconcileIntent(paths, next));
    },
    hostLinkNames: async () => (await linkState()).links.map((l) => l.name),
    hostSubnets: async () => (await linkState()).routes.map((r) => r.cidr),
    doctor: (name) => runDoctor(paths, env, name === undefined ? {} : { network: name }),
    repair: (actions, name) => repairHost(paths, env, actions, name === undefined ? {} : { network: name }),
  };
}

function reconcileIntent(paths: HostPaths, next: NextChange | undefined): ReconcileFor {
  if (next === undefined) return {};
  switch (next.kind) {
    case 'start':
      return { start: chainFamiliesOf(paths, next.network) };
    case 'stop':
      return { stopping: next.network };
    default:
      return assertNever(next, 'next change');
  }
}

/** The iptables families a start of NETWORK will read: none unless it is firewalled. */
function chainFamiliesOf(paths: HostPaths, network: string | NetworkDef): IpFamily[] {
  const def = typeof network === 'string' ? currentDefinition(paths, network) : network;
  return def && wantsFirewall(def) ? guestFamilies(def) : [];
}
