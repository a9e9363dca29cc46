// The app's health watcher decides from the doctor's reports alone: our own accepts or
// table gone missing are put back without asking, once per finding; anything else is
// shown, never repaired; no check runs without a running network or by starting the
// helper. The reports are what the doctor returns on such hosts, given as data.
import { describe, expect, it } from 'vitest';
import type { HealthFinding, HealthNews, HealthReportData, RepairAction } from '../../../contract/ipc.js';
import { decideRepair, shouldCheck } from '../../../main/services/health-decision.js';
import { HealthWatch } from '../../../main/services/health-watch.js';

const dockerDrop: HealthFinding = {
  id: 'host-chain:nat:ipv4:FORWARD',
  network: 'nat',
  severity: 'error',
  title: "the host's iptables FORWARD chain drops traffic of network 'nat'",
  cause: 'FORWARD drops what nobody accepted',
  evidence: ['iptables -S FORWARD: -P FORWARD DROP'],
  fix: 'Switchyard inserts its accepts again',
  repair: 'restore',
};
const tableLost: HealthFinding = { ...dockerDrop, id: 'table:nat', title: 'lost its table' };
const forwardingOff: HealthFinding = {
  ...dockerDrop,
  id: 'forwarding:nat:net/ipv4/ip_forward',
  repair: 'ip-forward',
};
const nmManaged: HealthFinding = {
  ...dockerDrop,
  id: 'network-manager:nat',
  title: 'NetworkManager manages it',
};
const report = (...findings: HealthFinding[]): HealthReportData => ({
  ok: findings.length === 0,
  complete: true,
  checked: ["network 'nat' (active)"],
  findings,
});

describe('decideRepair', () => {
  it('puts back our accepts in a dropping host chain and our lost table', () => {
    expect(decideRepair(report(dockerDrop), new Set()).repair).toEqual(['restore']);
    expect(decideRepair(report(tableLost), new Set()).repair).toEqual(['restore']);
  });

  it('leaves forwarding turned off and NetworkManager to the Fix button', () => {
    expect(decideRepair(report(forwardingOff, nmManaged), new Set()).repair).toEqual([]);
  });

  it('tries a finding once: if it survives the repair it is shown, not fought over', () => {
    const first = decideRepair(report(dockerDrop), new Set());
    expect(decideRepair(report(dockerDrop), first.tried)).toEqual({
      repair: [],
      tried: new Set([dockerDrop.id]),
    });
  });

  it('a finding that went away and came back is tried again', () => {
    const gone = decideRepair(report(), new Set([dockerDrop.id]));
    expect(gone.tried).toEqual(new Set());
    expect(decideRepair(report(dockerDrop), gone.tried).repair).toEqual(['restore']);
  });
});

describe('shouldCheck', () => {
  it('checks only with a network running, through a helper that runs or in-process', () => {
    expect(shouldCheck(0, 'none')).toBe(false);
    expect(shouldCheck(1, 'none')).toBe(true);
    expect(shouldCheck(1, 'running')).toBe(true);
    expect(shouldCheck(1, 'idle')).toBe(false);
    expect(shouldCheck(1, 'down')).toBe(false);
    expect(shouldCheck(1, 'reconnecting')).toBe(false);
  });
});

describe('HealthWatch', () => {
  /** The host as a sequence of doctor reports; a repair makes the next report the one after it. */
  function host(reports: HealthReportData[]) {
    const repairs: RepairAction[][] = [];
    let i = 0;
    const next = async () => reports[Math.min(i++, reports.length - 1)] as HealthReportData;
    return {
      repairs,
      watch: new HealthWatch({
        doctor: next,
        repair: async (a) => {
          repairs.push(a);
          return next();
        },
        activeNetworks: () => 1,
        helperState: () => 'none',
        intervalMs: 3_600_000,
      }),
    };
  }

  it('Docker started after the network: the tick puts our accepts back and tells the windows what it fixed', async () => {
    const { watch, repairs } = host([report(dockerDrop), report()]);
    const news: HealthNews[] = [];
    const stop = watch.subscribe((n) => news.push(n));
    await watch.tick();
    expect(repairs).toEqual([['restore']]);
    expect(news).toEqual([{ report: report(), repaired: [dockerDrop] }]);
    stop();
  });

  it('pushes a report only when it changed, and the latest to a window that subscribes later', async () => {
    const { watch, repairs } = host([report(forwardingOff)]);
    const first: HealthNews[] = [];
    const stopFirst = watch.subscribe((n) => first.push(n));
    await watch.tick();
    await watch.tick();
    expect(repairs).toEqual([]);
    expect(first).toEqual([{ report: report(forwardingOff), repaired: [] }]);
    const second: HealthNews[] = [];
    const stopSecond = watch.subscribe((n) => second.push(n));
    expect(second).toEqual(first);
    stopFirst();
    stopSecond();
  });
});
