// Runs a LiveChange: each action in order, then the SIGHUP; on any failure the
// undo of every action that started runs in reverse, so the network is left
// running what it ran before, and the error says what failed (and anything the
// undo could not put back).
import { pauseAt } from '../engine/fail-injection.js';
import { type Runtime, runOps, runUndo } from '../engine/run-ops.js';
import { HostError } from '../host-error.js';
import type { HostPaths } from '../paths.js';
import { signalReload } from './dnsmasq-refresh.js';
import type { LiveAction, LiveChange } from './live-change.js';

/** A refused live change; dnsmasqPid is the dnsmasq the undo left running (restarts change it). */
export class LiveChangeError extends HostError {
  constructor(
    message: string,
    readonly dnsmasqPid: number | undefined,
  ) {
    super('host-op-failed', message);
  }
}

export interface LiveResult {
  /** The dnsmasq running afterwards (undefined when none runs). */
  dnsmasqPid: number | undefined;
  ms: number;
}

export async function applyLiveChange(
  paths: HostPaths,
  name: string,
  change: LiveChange,
  runningPid: number | undefined,
): Promise<LiveResult> {
  const started = performance.now();
  // The ops read no environment; the context only names the state directories.
  const ctx = { paths, env: {} };
  const rt: Runtime = {};
  const begun: LiveAction[] = [];
  try {
    for (const action of change.actions) {
      begun.push(action);
      for (const op of action.do) {
        await runOps([op], ctx, rt);
        pauseAt(process.env, `update-${op.op}`);
      }
    }
    if (change.signalPid !== undefined) signalReload(name, change.signalPid);
  } catch (err) {
    const leftovers: string[] = [];
    for (const action of begun.reverse()) leftovers.push(...(await runUndo(action.undo, ctx, rt)));
    const message = `network '${name}': the running network could not take the update, nothing was changed: ${(err as Error).message}`;
    throw new LiveChangeError(
      leftovers.length ? `${message} (and undoing it failed: ${leftovers.join('; ')})` : message,
      pidAfterUndo(change, rt, runningPid),
    );
  }
  return { dnsmasqPid: pidAfter(change, rt, runningPid), ms: performance.now() - started };
}

/** An undone restart or stop started the old dnsmasq again, under a new PID. */
function pidAfterUndo(change: LiveChange, rt: Runtime, runningPid: number | undefined): number | undefined {
  const restarted = change.dnsmasq === 'restart' || change.dnsmasq === 'stop';
  return restarted && rt.dnsmasqPid !== undefined ? rt.dnsmasqPid : runningPid;
}

function pidAfter(change: LiveChange, rt: Runtime, runningPid: number | undefined): number | undefined {
  switch (change.dnsmasq) {
    case 'restart':
    case 'start':
      return rt.dnsmasqPid;
    case 'stop':
      return undefined;
    case 'none':
    case 'sighup':
      return runningPid;
  }
}
