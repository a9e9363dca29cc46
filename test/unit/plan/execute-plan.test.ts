// The executor's ordering and rollback, with file operations only (no root needed).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostOp, Plan, Step, StepId } from '../../../core/plan/index.js';
import { executePlan } from '../../../host/engine/index.js';
import { hostPaths } from '../../../host/paths.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const root = mkdtempSync(join(tmpdir(), 'sy-exec-'));
  dirs.push(root);
  const file = (n: string) => join(root, n);
  const step = (id: StepId, name: string, extra: HostOp[] = []): Step => ({
    id,
    title: id,
    do: [{ op: 'write-file', path: file(name), content: name, mode: 0o644 }, ...extra],
    undo: [{ op: 'remove-file', path: file(name) }],
  });
  const ctx = (env: NodeJS.ProcessEnv = {}) => ({
    paths: hostPaths({ SWITCHYARD_RUN_DIR: file('run'), SWITCHYARD_STATE_DIR: file('state') }),
    env,
  });
  return { file, step, ctx };
}

describe('executePlan', () => {
  it('runs every step in order and reports them completed', async () => {
    const { file, step, ctx } = setup();
    const plan: Plan = { network: 'n', bridge: 'b', steps: [step('bridge', 'a'), step('firewall', 'b')] };
    const r = await executePlan(plan, ctx());
    expect(r.completed).toEqual(['bridge', 'firewall']);
    expect(existsSync(file('a')) && existsSync(file('b'))).toBe(true);
  });

  it('with SWITCHYARD_FAIL_AT undoes that step and every earlier one', async () => {
    const { file, step, ctx } = setup();
    const plan: Plan = {
      network: 'n',
      bridge: 'b',
      steps: [step('bridge', 'a'), step('firewall', 'b'), step('dnsmasq', 'c')],
    };
    const run = executePlan(plan, ctx({ SWITCHYARD_FAIL_AT: 'firewall' }), { failureInjection: true });
    await expect(run).rejects.toMatchObject({
      code: 'internal',
      message: "network 'n': injected failure after step 'firewall' (SWITCHYARD_FAIL_AT)",
      detail: "failed at step 'firewall'\nrolled back completely",
    });
    expect(['a', 'b', 'c'].map((n) => existsSync(file(n)))).toEqual([false, false, false]);
  });

  it('ignores SWITCHYARD_FAIL_AT unless asked to', async () => {
    const { step, ctx } = setup();
    const plan: Plan = { network: 'n', bridge: 'b', steps: [step('bridge', 'a')] };
    await expect(executePlan(plan, ctx({ SWITCHYARD_FAIL_AT: 'bridge' }))).resolves.toBeDefined();
  });

  it('undoes a step that failed halfway, but not one that failed at its first operation', async () => {
    const { file, step, ctx } = setup();
    // 'a' is a file written by the first step, so this path cannot be created.
    const badWrite: HostOp = { op: 'write-file', path: join(file('a'), 'x'), content: '', mode: 0o644 };
    const halfway: Plan = {
      network: 'n',
      bridge: 'b',
      steps: [step('bridge', 'a'), step('firewall', 'b', [badWrite])],
    };
    await expect(executePlan(halfway, ctx())).rejects.toMatchObject({ code: 'host-op-failed' });
    expect(existsSync(file('a')) || existsSync(file('b'))).toBe(false);

    const never: Step = {
      id: 'firewall',
      title: 'f',
      do: [{ op: 'write-file', path: join(file('z'), 'x'), content: '', mode: 0o644 }],
      undo: [{ op: 'remove-file', path: file('a') }],
    };
    await executePlan({ network: 'n', bridge: 'b', steps: [step('bridge', 'z')] }, ctx());
    const plan: Plan = { network: 'n', bridge: 'b', steps: [never] };
    await executePlan({ network: 'n', bridge: 'b', steps: [step('bridge', 'a')] }, ctx());
    await expect(executePlan(plan, ctx())).rejects.toMatchObject({
      detail: "failed at step 'firewall'\nrolled back completely",
    });
    expect(existsSync(file('a'))).toBe(true);
  });
});
