import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  HelperClient,
  type HelperStatus,
  helperCommandFromEnv,
  MAX_AUTOMATIC_RESTARTS,
} from '../../../host/helper-client/index.js';
import { HostError } from '../../../host/host-error.js';
import { pollUntil } from '../../support/poll-until.js';
import { hasExited } from '../../support/process-state.js';

const FAKE = fileURLToPath(new URL('./fixtures/fake-helper.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sy-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function client(env: Record<string, string> = {}, requestTimeoutMs = 5_000, restartWhenLost = false) {
  const starts = join(dir, `starts-${Math.random()}`);
  const requests = join(dir, `requests-${Math.random()}`);
  writeFileSync(starts, '');
  writeFileSync(requests, '');
  const events: unknown[] = [];
  const statuses: HelperStatus[] = [];
  const c = new HelperClient({
    command: {
      launcher: [process.execPath],
      helperPath: FAKE,
      env: { ...process.env, FAKE_STARTS: starts, FAKE_REQUESTS: requests, ...env },
    },
    requestTimeoutMs,
    startTimeoutMs: 5_000,
    onEvent: (event, data) => events.push({ event, data }),
    onStatus: (s) => statuses.push(s),
    restartWhenLost,
  });
  /** PIDs of the helpers started so far, oldest first (each writes its own before `ready`). */
  const pids = () => readFileSync(starts, 'utf8').trim().split('\n').filter(Boolean).map(Number);
  const startCount = () => pids().length;
  /** The requests the helpers received, as "METHOD NET". */
  const received = () => readFileSync(requests, 'utf8').trim().split('\n').filter(Boolean);
  return { c, events, statuses, pids, startCount, received };
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

  it('says when a helper that was up ends on its own, and leaves the restart to the next call', async () => {
    const { c, statuses, pids, startCount } = client();
    await c.start('a');
    expect(c.status).toEqual({ state: 'running' });
    const [pid] = pids() as [number];
    process.kill(pid, 'SIGKILL');
    await pollUntil('the lost helper to be reported', () => c.status.state === 'down');
    expect(c.status).toEqual({ state: 'down', message: 'switchyard-helper ended (signal SIGKILL)' });
    expect(startCount()).toBe(1);
    await c.start('b');
    expect(startCount()).toBe(2);
    expect(statuses.map((s) => s.state)).toEqual(['running', 'down', 'running']);
    await c.close();
    expect(c.status).toEqual({ state: 'idle' });
  });

  it('with restartWhenLost, replaces a killed helper at once, without resending what was in flight', async () => {
    const { c, statuses, pids, startCount, received } = client({}, 5_000, true);
    await c.start('a');
    process.kill(pids()[0] as number, 'SIGKILL');
    await pollUntil('a new helper to be running', () => startCount() === 2 && c.status.state === 'running');
    expect(statuses).toEqual([
      { state: 'running' },
      { state: 'reconnecting', message: 'switchyard-helper ended (signal SIGKILL)' },
      { state: 'running' },
    ]);
    // A helper dying under a request: the request fails once and is not sent again.
    expect((await failure(c.undefine('die'))).message).toContain("while 'undefine' was in flight");
    await pollUntil(
      'the next helper to be running',
      () => startCount() === 3 && c.status.state === 'running',
    );
    await c.start('b');
    expect(startCount()).toBe(3);
    expect(received()).toEqual(['start a', 'undefine die', 'start b']);
    await c.close();
  });

  it('leaves a helper that keeps dying down, until asked again', async () => {
    const { c, startCount } = client({ FAKE_EXIT_AFTER_HELLO: '1' }, 5_000, true);
    await failure(c.start('a'));
    await pollUntil('the helper to be given up on', () => c.status.state === 'down');
    expect(startCount()).toBe(1 + MAX_AUTOMATIC_RESTARTS);
    expect(c.status).toEqual({
      state: 'down',
      message: `switchyard-helper ended (exit status 4), ${MAX_AUTOMATIC_RESTARTS + 1} times in a row`,
    });
    // Asked again (the banner's button), it tries again.
    await c.reconnect();
    await pollUntil('the helper to be given up on again', () => c.status.state === 'down');
    expect(startCount()).toBe(2 * (1 + MAX_AUTOMATIC_RESTARTS));
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
