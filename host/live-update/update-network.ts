// net-update on the host: apply one update to the saved definition, the running
// network, or both, all under the one host lock. Every check (the update itself,
// the whole-definition rules, whether it can apply live, the dnsmasq PID) runs
// before the first write, so a refused update changes nothing.
import { readNetworkDefinition } from '../../core/definition.js';
import { shouldRunDnsmasq } from '../../core/dnsmasq/index.js';
import type { NetworkDef } from '../../core/model/network.js';
import { applyCheckedNetworkUpdate } from '../../core/update/apply-update.js';
import type { NetworkUpdateRequest } from '../../core/update/update-request.js';
import { formatNetworkXml } from '../../core/xml/format-network.js';
import { HostError, notFound } from '../host-error.js';
import type { HostPaths } from '../paths.js';
import { withLock } from '../state/lock.js';
import * as store from '../state/state-store.js';
import { refreshDnsmasq, verifiedDnsmasqPid } from './dnsmasq-refresh.js';
import { liveEffect } from './live-sections.js';
import { type UpdateFlags, updateTargets } from './update-scope.js';

export interface UpdateOutcome {
  name: string;
  /** Which copies changed. */
  live: boolean;
  config: boolean;
  /** The dnsmasq that was sent SIGHUP to re-read its hosts files. */
  signalledPid?: number;
}

export interface UpdateOptions extends UpdateFlags {
  /** Runs first, inside the lock (the engine's reconcile). */
  before?: () => Promise<void>;
}

export async function updateNetwork(
  paths: HostPaths,
  name: string,
  req: NetworkUpdateRequest,
  options: UpdateOptions = {},
): Promise<UpdateOutcome> {
  return withLock(paths.runDir, async () => {
    await options.before?.();
    return updateNetworkLocked(paths, name, req, options);
  });
}

/** For callers that already hold the host lock (it is not re-entrant). */
export function updateNetworkLocked(
  paths: HostPaths,
  name: string,
  req: NetworkUpdateRequest,
  flags: UpdateFlags,
): UpdateOutcome {
  const active = store.readActive(paths, name);
  const savedXml = store.readDefinitionXml(paths, name);
  if (!active && savedXml === undefined) throw notFound(name);
  const targets = updateTargets(name, flags, active !== undefined, savedXml !== undefined);

  const config = targets.config
    ? updated(name, stored(name, savedXml ?? '', 'saved definition'), req)
    : undefined;
  let live: { def: NetworkDef; effect: ReturnType<typeof liveEffect>; pid: number | undefined } | undefined;
  if (targets.live && active) {
    const before = stored(name, active.xml, 'live status');
    const def = updated(name, before, req);
    const effect = liveEffect(name, req.section, before, def, {
      stateDir: paths.stateDir,
      bridge: active.status.bridge,
    });
    const pid =
      effect === 'hosts-files' ? verifiedDnsmasqPid(paths, name, active.status.dnsmasqPid) : undefined;
    live = { def, effect, pid };
  }

  if (config) store.writeDefinitionXml(paths, name, formatNetworkXml(config, { inactive: true }));
  if (live && active) {
    // Networks without a dnsmasq (bridged modes) have no hosts files to rewrite.
    if (live.effect === 'hosts-files' && shouldRunDnsmasq(live.def))
      refreshDnsmasq(paths, name, live.def, live.pid);
    store.writeActive(paths, name, { xml: formatNetworkXml(live.def), status: active.status });
  }
  return {
    name,
    live: live !== undefined,
    config: config !== undefined,
    ...(live?.pid ? { signalledPid: live.pid } : {}),
  };
}

function stored(name: string, xml: string, what: string): NetworkDef {
  const parsed = readNetworkDefinition(xml);
  if (!parsed.ok)
    throw new HostError('internal', `${what} of network '${name}' is unreadable: ${parsed.error.message}`);
  return parsed.value;
}

function updated(name: string, def: NetworkDef, req: NetworkUpdateRequest): NetworkDef {
  const result = applyCheckedNetworkUpdate(def, req);
  if (!result.ok) throw new HostError(result.error.code, result.error.message);
  if (result.value.name !== name)
    throw new HostError('internal', `update changed the name of network '${name}'`);
  return result.value;
}
