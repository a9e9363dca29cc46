// net-update on the host: apply one update to the saved definition, the running
// network, or both, all under the one host lock, as one transaction:
//   1. check: the update itself, the whole-definition rules, and every file a
//      start of each changed copy would generate (so nothing saved fails to start);
//   2. record the intent, then write the new live XML and the saved definition, so a
//      crash from here on leaves reconcile what it needs to finish the update (it
//      brings dnsmasq's files and the firewall table to the live XML);
//   3. bring the running network up to date (live-change.ts), undone on failure,
//      and then the two definitions are put back;
//   4. record the dnsmasq now running and drop the intent.
// A refused update changes nothing.
import { readNetworkDefinition } from '../../core/definition.js';
import type { NetworkDef } from '../../core/model/index.js';
import { liveDefinition } from '../../core/plan/index.js';
import type { NetworkUpdateRequest } from '../../core/update/index.js';
import { applyCheckedNetworkUpdate } from '../../core/update/index.js';
import { formatNetworkXml } from '../../core/xml/index.js';
import { pauseAt } from '../engine/fail-injection.js';
import { HostError, notFound } from '../host-error.js';
import type { HostPaths } from '../paths.js';
import { problemError } from '../problem-error.js';
import { withLock } from '../state/lock.js';
import * as store from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';
import { applyLiveChange, LiveChangeError } from './apply-live-change.js';
import { type LiveChange, liveChange } from './live-change.js';
import { checkStartable } from './start-files.js';
import { type UpdateFlags, updateTargets } from './update-scope.js';

export interface UpdateOutcome {
  name: string;
  /** Which copies changed. */
  live: boolean;
  config: boolean;
  /** The dnsmasq that was sent SIGHUP to re-read its hosts files (same PID: no restart). */
  signalledPid?: number;
  /**
   * dnsmasq was restarted (or started, or stopped) because its configuration
   * changed, which it cannot re-read on SIGHUP; its lease file stays.
   */
  restartedDnsmasq?: { previousPid?: number; pid?: number; ms: number };
  /** The network's nftables table was replaced (e.g. a new forward interface). */
  reloadedFirewall?: boolean;
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

interface LivePlan {
  /** The live XML before the update, and after it. */
  xml: string;
  nextXml: string;
  status: NetworkStatus;
  change: LiveChange;
}

/** For callers that already hold the host lock (it is not re-entrant). */
export async function updateNetworkLocked(
  paths: HostPaths,
  name: string,
  req: NetworkUpdateRequest,
  flags: UpdateFlags,
): Promise<UpdateOutcome> {
  const active = store.readActive(paths, name);
  const savedXml = store.readDefinitionXml(paths, name);
  if (!active && savedXml === undefined) throw notFound(name);
  const targets = updateTargets(name, flags, active !== undefined, savedXml !== undefined);

  const config = targets.config
    ? updated(name, stored(name, savedXml ?? '', 'saved definition'), req)
    : undefined;
  if (config) checkStartable(paths, config);
  let live: LivePlan | undefined;
  if (targets.live && active) {
    const before = stored(name, active.xml, 'live status');
    const def = updated(name, before, req);
    live = {
      xml: active.xml,
      nextXml: formatNetworkXml(liveDefinition(def)),
      status: active.status,
      change: liveChange(paths, before, def, active.status),
    };
  }

  const outcome: UpdateOutcome = { name, live: live !== undefined, config: config !== undefined };
  const saveConfig = () => {
    if (config) store.writeDefinitionXml(paths, name, formatNetworkXml(config, { inactive: true }));
  };
  if (!live) {
    saveConfig();
    return outcome;
  }
  const { bridge, table } = live.status;
  store.writeIntent(paths, { action: 'update', name, bridge, ...(table === undefined ? {} : { table }) });
  store.writeActive(paths, name, { xml: live.nextXml, status: live.status });
  saveConfig();
  pauseAt(process.env, 'update-intent');
  try {
    Object.assign(outcome, await applyLive(paths, name, live));
  } catch (err) {
    if (config && savedXml !== undefined) store.writeDefinitionXml(paths, name, savedXml);
    throw err;
  } finally {
    store.removeIntent(paths, name);
  }
  return outcome;
}

async function applyLive(paths: HostPaths, name: string, live: LivePlan): Promise<Partial<UpdateOutcome>> {
  const { change, status } = live;
  const running = status.dnsmasqPid;
  let pid: number | undefined;
  let ms: number;
  try {
    ({ dnsmasqPid: pid, ms } = await applyLiveChange(paths, name, change, running));
  } catch (err) {
    // The undo put the old configuration back (a restart's under a new PID).
    const pidNow = err instanceof LiveChangeError ? err.dnsmasqPid : running;
    store.writeActive(paths, name, { xml: live.xml, status: withPid(status, pidNow) });
    throw err;
  }
  store.writeActive(paths, name, { xml: live.nextXml, status: withPid(status, pid) });
  const restarted = change.dnsmasq === 'restart' || change.dnsmasq === 'start' || change.dnsmasq === 'stop';
  return {
    ...(change.signalPid === undefined ? {} : { signalledPid: change.signalPid }),
    ...(restarted
      ? {
          restartedDnsmasq: {
            ...(change.previousPid === undefined ? {} : { previousPid: change.previousPid }),
            ...(pid === undefined ? {} : { pid }),
            ms: Math.round(ms),
          },
        }
      : {}),
    ...(change.firewall ? { reloadedFirewall: true } : {}),
  };
}

function withPid(status: NetworkStatus, pid: number | undefined): NetworkStatus {
  const { dnsmasqPid: _old, ...rest } = status;
  return pid === undefined ? rest : { ...rest, dnsmasqPid: pid };
}

function stored(name: string, xml: string, what: string): NetworkDef {
  const parsed = readNetworkDefinition(xml);
  if (!parsed.ok)
    throw new HostError('internal', `${what} of network '${name}' is unreadable: ${parsed.error.message}`);
  return parsed.value;
}

function updated(name: string, def: NetworkDef, req: NetworkUpdateRequest): NetworkDef {
  const result = applyCheckedNetworkUpdate(def, req);
  if (!result.ok) throw problemError(result.error);
  if (result.value.name !== name)
    throw new HostError('internal', `update changed the name of network '${name}'`);
  return result.value;
}
