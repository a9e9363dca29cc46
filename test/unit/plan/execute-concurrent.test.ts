// Concurrent groups (Step.withPrevious): every step of the group runs, and a failure
// in one undoes the whole group and what came before, in reverse.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostOp, Plan, Step, StepId } from '../../../core/plan/index.js';
import { formatPlan } from '../../../core/plan/index.js';
import { executePlan } from '../../../host/engine/index.js';
import { hostPaths } from '../../../host/paths.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'sy-conc-'));
  dirs.push(root);
  const file = (n: string) => join(root, n);
  const step = (id: StepId, name: string, withPrevious = false, extra: HostOp[] = []): Step => ({
    id,
    title: id,
    do: [{ op: 'write-file', path: file(name), content: name, mode: 0o644 }, ...extra],
    undo: [{ op: 'remove-file', path: file(name) }],
    ...(withPrevious ? { withPrevious } : {}),
  });
  const ctx = (env: NodeJS.ProcessEnv = {}) => ({
    paths: hostPaths({ SWITCHYARD_RUN_DIR: file('run'), SWITCHYARD_STATE_DIR: file('state') }),
    env,
  });
  return { file, step, ctx };
}

describe('executePlan with a concurrent group', () => {
  it('runs every step of the group and reports them in plan order', async () => {
    const { file, step, ctx } = setup();
    const plan: Plan = {
      network: 'n',
      bridge: 'b',
      steps: [
        step('dnsmasq', 'a'),
        step('firewall', 'b', true),
        step('bridge', 'c', true),
        step('status', 'd'),
      ],
    };
    const r = await executePlan(plan, ctx());
    expect(r.completed).toEqual(['dnsmasq', 'firewall', 'bridge', 'status']);
    expect(r.timings.map((t) => t.id)).toEqual(['dnsmasq', 'firewall', 'bridge', 'status']);
    expect(['a', 'b', 'c', 'd'].map((n) => existsSync(file(n)))).toEqual([true, true, true, true]);
    expect(formatPlan(plan, 'stop')).toContain('firewall: firewall   (at the same time as dnsmasq)');
  });

  it('undoes the whole group and the steps before it when one step of the group fails', async () => {
    const { file, step, ctx } = setup();
    // 'a' is a file written by the first step, so this path cannot be created.
    const badWrite: HostOp = { op: 'write-file', path: join(file('a'), 'x'), content: '', mode: 0o644 };
    const plan: Plan = {
      network: 'n',
      bridge: 'b',
      steps: [
        step('bridge', 'a'),
        step('firewall', 'b'),
        step('dnsmasq', 'c', true, [badWrite]),
        step('status', 'd'),
      ],
    };
    await expect(executePlan(plan, ctx())).rejects.toMatchObject({
      code: 'host-op-failed',
      detail: "failed at step 'dnsmasq'\nrolled back completely",
    });
    expect(['a', 'b', 'c', 'd'].map((n) => existsSync(file(n)))).toEqual([false, false, false, false]);
  });

  it('with SWITCHYARD_FAIL_AT on the first step of a group undoes its partner too', async () => {
    const { file, step, ctx } = setup();
    const plan: Plan = {
      network: 'n',
      bridge: 'b',
      steps: [step('bridge', 'a'), step('firewall', 'b'), step('dnsmasq', 'c', true), step('status', 'd')],
    };
    const run = executePlan(plan, ctx({ SWITCHYARD_FAIL_AT: 'firewall' }), { failureInjection: true });
    await expect(run).rejects.toMatchObject({
      message: "network 'n': injected failure after step 'firewall' (SWITCHYARD_FAIL_AT)",
    });
    expect(['a', 'b', 'c', 'd'].map((n) => existsSync(file(n)))).toEqual([false, false, false, false]);
  });
});
