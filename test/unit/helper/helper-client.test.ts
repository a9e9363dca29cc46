import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HelperClient, helperCommandFromEnv } from '../../../host/helper-client/index.js';
import { HostError } from '../../../host/host-error.js';
import { pollUntil } from '../../support/poll-until.js';
import { hasExited } from '../../support/process-state.js';

const FAKE = fileURLToPath(new URL('./fixtures/fake-helper.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sy-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function client(env: Record<string, string> = {}, requestTimeoutMs = 5_000) {
  const starts = join(dir, `starts-${Math.random()}`);
  writeFileSync(starts, '');
  const events: unknown[] = [];
  const c = new HelperClient({
    command: {
      launcher: [process.execPath],
      helperPath: FAKE,
      env: { ...process.env, FAKE_STARTS: starts, ...env },
    },
    requestTimeoutMs,
    startTimeoutMs: 5_000,
    onEvent: (event, data) => events.push({ event, data }),
  });
  /** PIDs of the helpers started so far, oldest first (each writes its own before `ready`). */
  const pids = () => readFileSync(starts, 'utf8').trim().split('\n').filter(Boolean).map(Number);
  const startCount = () => pids().length;
  return { c, events, pids, startCount };
}

async function failure(p: Promise<unknown>): Promise<HostError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HostError);
  return err as HostError;
}

/** A fake pkexec that exits the way the real one does when polkit says no. */
function fakePkexec(code: number, stderr: string): string {
  const path = join(mkdtempSync(join(dir, 'pk-')), 'pkexec');
  writeFileSync(path, `#!/bin/sh\necho '${stderr}' >&2\nexit ${code}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('HelperClient', () => {
  it('starts one helper, reuses it, and correlates answers', async () => {
    const { c, events, startCount } = client();
    const names = await Promise.all(
      ['a', 'b', 'c'].map(async (n) => (await c.call('start', { net: n })).name),
    );
    expect(names).toEqual(['a', 'b', 'c']);
    await c.start('d');
    expect(startCount()).toBe(1);
    expect(events).toContainEqual({ event: 'changed', data: { name: 'd' } });
    const err = await failure(c.undefine('lab'));
    expect(err.code).toBe('not-found');
    await c.close();
  });

  it('reports a request in flight when the helper dies, and never resends it', async () => {
    const { c, startCount } = client();
    await c.start('a');
    const err = await failure(c.undefine('die'));
    expect(err.code).toBe('helper-unavailable');
    expect(err.message).toContain("while 'undefine' was in flight");
    expect(startCount()).toBe(1);
    await c.start('b');
    expect(startCount()).toBe(2);
    await c.close();
  });

  it('times out a request, tells that helper to exit, and starts a fresh one for the next', async () => {
    // Short, because the test waits it out; the answers that must beat it are one pipe round trip.
    const { c, pids, startCount } = client({}, 1_000);
    const err = await failure(c.destroy('slow'));
    expect(err.code).toBe('helper-unavailable');
    expect(err.message).toContain("did not answer 'destroy'");
    const [stale] = pids() as [number];
    await pollUntil(`the helper ${stale} that did not answer to exit`, () => hasExited(stale));
    await c.start('b');
    expect(startCount()).toBe(2);
    await c.close();
  });

  it('refuses an answer that does not match the method', async () => {
    const { c } = client();
    expect((await failure(c.start('bad-answer'))).code).toBe('internal');
    await c.close();
  });

  it('refuses a helper of another protocol version', async () => {
    const { c } = client({ FAKE_PROTOCOL: '7' });
    const err = await failure(c.start('a'));
    expect(err.code).toBe('helper-unavailable');
    expect(err.message).toContain('protocol 7');
    await c.close();
  });

  it('checks XML locally, before any helper (or password prompt)', async () => {
    const { c, startCount } = client();
    expect((await failure(c.define('<network><name>x'))).code).toBe('xml-parse');
    expect((await failure(c.create(new Uint8Array([0x3c, 0xff])))).code).toBe('xml-parse');
    expect(startCount()).toBe(0);
  });

  it('says the helper is not installed', async () => {
    const c = new HelperClient({ command: { launcher: ['pkexec'], helperPath: join(dir, 'nope') } });
    const err = await failure(c.start('a'));
    expect(err.code).toBe('helper-unavailable');
    expect(err.message).toContain('not installed');
  });

  it('maps a launcher that cannot be run to helper-unavailable', async () => {
    const c = new HelperClient({ command: { launcher: [join(dir, 'no-such-pkexec')], helperPath: FAKE } });
    expect((await failure(c.start('a'))).code).toBe('helper-unavailable');
  });

  it.each([
    [126, 'auth-cancelled', 'authentication was cancelled', 'dismissed'],
    [127, 'access-denied', 'not authorized', 'Error executing command as another user: Not authorized'],
    [127, 'access-denied', 'found no authentication agent', 'No authentication agent found.'],
  ])('maps pkexec exit %i to %s', async (code, expected, message, stderr) => {
    const c = new HelperClient({ command: { launcher: [fakePkexec(code, stderr)], helperPath: FAKE } });
    const err = await failure(c.start('a'));
    expect(err.code).toBe(expected);
    expect(err.message).toContain(message);
    expect(err.detail).toContain(stderr);
  });

  it('reads the launcher from the environment', () => {
    expect(helperCommandFromEnv({}).launcher).toEqual(['pkexec']);
    expect(helperCommandFromEnv({}).helperPath).toBe('/usr/libexec/switchyard/switchyard-helper');
    expect(helperCommandFromEnv({ SWITCHYARD_HELPER_LAUNCHER: '[]' }).launcher).toEqual([]);
    expect(() => helperCommandFromEnv({ SWITCHYARD_HELPER_LAUNCHER: 'sudo -n' })).toThrow(HostError);
  });
});
