import { describe, expect, it } from 'vitest';
import { formatPlan, planJson, planStart, planStop } from '../../../core/plan/index.js';
import { ctx, network, noFacts } from './fixtures.js';

describe('planStop', () => {
  const stop = planStop(
    { name: 'lab', bridge: 'virbr7', table: 'switchyard_virbr7', dnsmasqPid: 4242 },
    { stateDir: ctx.stateDir, pidFile: ctx.pidFile },
  );

  it('stops dnsmasq first and removes the status last', () => {
    expect(stop.steps.map((s) => s.id)).toEqual(['dnsmasq', 'firewall', 'bridge', 'status']);
  });

  it('signals the PID from the status, checked against our conf file', () => {
    expect(stop.steps[0]?.do[0]).toEqual({
      op: 'dnsmasq-stop',
      pid: 4242,
      pidFile: ctx.pidFile,
      confFile: '/var/lib/switchyard/dnsmasq/lab.conf',
    });
  });

  it('deletes the table and the bridge, tolerating either being gone', () => {
    expect(stop.steps[1]?.do[0]?.op === 'nft' && stop.steps[1].do[0].script).toContain(
      'delete table inet switchyard_virbr7',
    );
    expect(stop.steps[2]?.do).toEqual([{ op: 'ip', args: ['link', 'del', 'dev', 'virbr7'], absentOk: true }]);
  });

  it('has no firewall work without a table', () => {
    expect(planStop({ name: 'o', bridge: 'b' }, ctx).steps[1]?.do).toEqual([]);
  });
});

describe('formatPlan and planJson', () => {
  const r = planStart(network('nat'), noFacts, ctx);
  if (!r.ok) throw new Error(r.error.message);
  const plan = r.value;

  it('prints numbered steps with their commands and undo', () => {
    const text = formatPlan(plan);
    expect(text).toMatch(/^plan to start network 'lab' on bridge virbr7:\n {1}1\. check: /);
    expect(text).toContain(' 2. bridge: create bridge virbr7 (stp off, delay 0s)\n');
    expect(text).toContain(
      '      ip link add name virbr7 address 52:54:00:aa:bb:cc type bridge stp_state 0 forward_delay 0\n',
    );
    expect(text).toContain('    undo:\n      ip link del dev virbr7');
    expect(text).toContain('/usr/sbin/dnsmasq --conf-file=/var/lib/switchyard/dnsmasq/lab.conf');
  });

  it('gives the JSON object of net-plan --json', () => {
    const json = planJson(plan);
    expect(Object.keys(json)).toEqual(['steps', 'files', 'nft']);
    expect(Object.keys(json.files)).toEqual([
      '/var/lib/switchyard/dnsmasq/lab.conf',
      '/var/lib/switchyard/dnsmasq/lab.hostsfile',
      '/var/lib/switchyard/dnsmasq/lab.addnhosts',
    ]);
    expect(json.nft).toContain('table inet switchyard_virbr7 {');
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
