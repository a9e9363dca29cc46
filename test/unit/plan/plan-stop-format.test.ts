import { describe, expect, it } from 'vitest';
import {
  formatPlan,
  type Plan,
  planJson,
  planStart,
  planStop,
  type StepId,
} from '../../../core/plan/index.js';
import { ctx, network, noFacts, stopCtx } from './fixtures.js';

const of = (plan: Plan, id: StepId) => plan.steps.find((s) => s.id === id);

describe('planStop', () => {
  const stop = planStop(
    { name: 'lab', bridge: 'virbr7', table: 'switchyard_virbr7', dnsmasqPid: 4242 },
    stopCtx,
  );

  it('records its intent, stops dnsmasq, and removes the status and the intent last', () => {
    expect(stop.steps.map((s) => s.id)).toEqual([
      'intent',
      'ports',
      'dnsmasq',
      'firewall',
      'host-firewall',
      'network-manager',
      'guests',
      'bridge',
      'status',
      'sysctls',
    ]);
    expect(stop.steps[0]?.do).toEqual([
      {
        op: 'write-intent',
        intent: { action: 'stop', name: 'lab', bridge: 'virbr7', table: 'switchyard_virbr7' },
      },
    ]);
    // A failed stop keeps its record: reconcile finishes the stop instead of reviving dnsmasq.
    expect(stop.steps[0]?.undo).toEqual([]);
    expect(of(stop, 'status')?.do.map((op) => op.op)).toEqual(['remove-status', 'remove-intent']);
    // Host-wide sysctls come back only after the network is gone from the status files.
    expect(of(stop, 'sysctls')?.do).toEqual([{ op: 'restore-sysctls' }]);
  });

  it('signals the PID from the status, checked against our conf file', () => {
    expect(of(stop, 'dnsmasq')?.do[0]).toEqual({
      op: 'dnsmasq-stop',
      pid: 4242,
      pidFile: ctx.pidFile,
      confFile: '/var/lib/switchyard/dnsmasq/lab.conf',
    });
  });

  it('deletes the table and the bridge, tolerating either being gone', () => {
    const firewall = of(stop, 'firewall')?.do[0];
    expect(firewall?.op === 'nft' && firewall.script).toContain('delete table inet switchyard_virbr7');
    expect(of(stop, 'bridge')?.do).toEqual([
      { op: 'ip', args: ['link', 'del', 'dev', 'virbr7'], absentOk: true },
    ]);
  });

  it('has no firewall work without a table', () => {
    expect(of(planStop({ name: 'o', bridge: 'b' }, stopCtx), 'firewall')?.do).toEqual([]);
  });

  it('leaves a bridge of that name that is not ours, and the table named after it', () => {
    const foreign = planStop(
      { name: 'lab', bridge: 'virbr7', table: 'switchyard_virbr7', foreignBridge: true },
      stopCtx,
    );
    expect(foreign.steps.flatMap((s) => s.do).filter((op) => op.op === 'ip' || op.op === 'nft')).toEqual([]);
    expect(of(foreign, 'dnsmasq')?.do[0]?.op).toBe('dnsmasq-stop');
  });
});

describe('formatPlan and planJson', () => {
  const r = planStart(network('nat'), noFacts, ctx);
  if (!r.ok) throw new Error(r.error.message);
  const plan = r.value;

  it('prints numbered steps with their commands and undo', () => {
    const text = formatPlan(plan);
    expect(text).toMatch(/^plan to start network 'lab' on bridge virbr7:\n {1}1\. check: /);
    expect(text).toContain(
      ' 2. intent: record the intent to start (bridge virbr7, table inet switchyard_virbr7)\n',
    );
    expect(text).toContain(' 4. bridge: create bridge virbr7 (stp off, delay 0s)\n');
    expect(text).toContain(
      '      ip link add name virbr7 address 52:54:00:aa:bb:cc type bridge stp_state 0 forward_delay 0\n',
    );
    expect(text).toContain('    undo:\n      ip link del dev virbr7');
    expect(text).toContain('/usr/sbin/dnsmasq --conf-file=/var/lib/switchyard/dnsmasq/lab.conf');
  });

  it('gives the JSON object of net-plan --json', () => {
    const json = planJson(plan);
    expect(Object.keys(json)).toEqual(['steps', 'files', 'nft', 'isolation', 'tc']);
    expect(Object.keys(json.files)).toEqual([
      '/var/lib/switchyard/dnsmasq/lab.conf',
      '/var/lib/switchyard/dnsmasq/lab.hostsfile',
      '/var/lib/switchyard/dnsmasq/lab.addnhosts',
    ]);
    expect(json.nft).toContain('table inet switchyard_virbr7 {');
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
