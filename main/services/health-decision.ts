// What the app's health watcher does with a fresh doctor report, as pure decisions
// over data so they can be pinned without a host.
import type { HealthFinding, HealthReportData, HelperStatusView, RepairAction } from '../../contract/ipc.js';
import { assertNever } from '../../core/result.js';

/**
 * Fixed without asking: our own accepts in a host chain that started dropping (Docker
 * or ufw started after the network) and our own table removed by somebody's `flush
 * ruleset`. Both put back only what the network's start made. Forwarding turned off is
 * not among them: that is an administrator's deliberate act the app should not fight.
 */
export function repairsWithoutAsking(f: HealthFinding): boolean {
  return f.repair === 'restore' && (f.id.startsWith('host-chain:') || f.id.startsWith('table:'));
}

export interface RepairDecision {
  repair: RepairAction[];
  /** The findings repaired (or tried) so far that are still there: not tried again. */
  tried: Set<string>;
}

/**
 * One try per finding: a finding that survives our repair (somebody keeps removing the
 * rule) is shown, not fought over on every tick; once it is gone, it may be tried again.
 */
export function decideRepair(report: HealthReportData, tried: ReadonlySet<string>): RepairDecision {
  const safe = report.findings.filter(repairsWithoutAsking).map((f) => f.id);
  const fresh = safe.filter((id) => !tried.has(id));
  return { repair: fresh.length ? ['restore'] : [], tried: new Set(safe) };
}

/**
 * Whether a tick asks the doctor at all: only with a network running (nothing of ours
 * to lose otherwise), and never by starting the helper, which would ask for the
 * administrator's password out of the blue; whenever the helper runs (after any change
 * the user made) the ticks go through it.
 */
export function shouldCheck(activeNetworks: number, helper: HelperStatusView['state']): boolean {
  if (activeNetworks === 0) return false;
  switch (helper) {
    case 'none':
    case 'running':
      return true;
    case 'idle':
    case 'reconnecting':
    case 'down':
      return false;
    default:
      return assertNever(helper, 'helper state');
  }
}

/** What a repair fixed: the findings it could fix before that the report after it no longer has. */
export function repairedBy(before: HealthReportData, after: HealthReportData): HealthFinding[] {
  const left = new Set(after.findings.map((f) => f.id));
  return before.findings.filter((f) => repairsWithoutAsking(f) && !left.has(f.id));
}
