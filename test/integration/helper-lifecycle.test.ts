// The real helper (no pkexec: run directly as root, inside the test's namespace)
// driving the real engine: changes through HelperClient, and SIGTERM while a create is
// in flight — the helper finishes that create (it never abandons a request halfway),
// answers it, refuses what is queued behind it, and exits 0, leaving a whole network.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELPER_PROTOCOL } from '../../contract/helper.js';
import type { HelperClient } from '../../host/helper-client/index.js';
import { exitOf } from '../support/child-exit.js';
import { pollUntil } from '../support/poll-until.js';
import { hasExited, processState } from '../support/process-state.js';
import { HELPER, helperInNamespace } from './fixtures/helper-in-namespace.js';
import { ensureBuilt } from './harness/engine-client.js';
import { EMPTY, snapshot } from './harness/inspect.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

describe.skipIf(skipReason !== undefined)('helper with the real engine', () => {
  let topo: Topology;
  let client: HelperClient;
  const events: unknown[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology();
    client = helperInNamespace(topo, { onEvent: (event, data) => events.push({ event, data }) });
  });
  afterAll(async () => {
    await client?.close();
    await topo?.cleanup();
  });

  it('defines, starts, stops and removes a network through the helper', async () => {
    const xml = netXml({ name: 'hl', bridge: 'syhl0', net: '192.168.184', mode: 'nat' });
    const defined = await client.define(xml);
    expect(defined.name).toBe('hl');
    await client.start('hl');
    const running = await snapshot(topo);
    expect(running.links).toContain('syhl0');
    expect(running.dnsmasq).toHaveLength(1);
    await client.setAutostart(defined.uuid, true);
    expect(existsSync(join(topo.dirs.config, 'autostart', 'hl.xml'))).toBe(true);
    await expect(client.start('hl')).rejects.toMatchObject({ code: 'conflict' });
    await client.destroy('hl');
    await client.undefine('hl');
    expect(await snapshot(topo)).toEqual(EMPTY);
    expect(events).toContainEqual({ event: 'changed', data: { name: 'hl' } });
  });

  it('on SIGTERM in the middle of a create, finishes it, answers it, refuses what is queued and exits 0', async () => {
    // SWITCHYARD_PAUSE_AT stops the helper (SIGSTOP) right after the create's firewall
    // step, so the signal lands at a known point of the request on any machine.
    const helper = spawn('ip', ['netns', 'exec', topo.host, process.execPath, HELPER], {
      env: { ...topo.env, SWITCHYARD_PAUSE_AT: 'firewall' },
    });
    const exited = exitOf(helper);
    const pid = helper.pid as number;
    try {
      let out = '';
      let err = '';
      helper.stdout.on('data', (c: Buffer) => (out += c));
      helper.stderr.on('data', (c: Buffer) => (err += c));
      const lines = () =>
        out
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l));
      // All three are in the pipe before the helper's Node has even started, so it reads
      // them at once: the autostart waits in the queue behind the create.
      const send = (v: unknown) => helper.stdin.write(`${JSON.stringify(v)}\n`);
      send({ id: 1, method: 'hello', params: { protocol: HELPER_PROTOCOL } });
      send({
        id: 2,
        method: 'create',
        params: { xml: netXml({ name: 'tt', bridge: 'sytt0', net: '192.168.185', mode: 'nat' }) },
      });
      send({ id: 3, method: 'autostart', params: { net: 'tt', on: true } });
      await pollUntil(
        'the helper to stop itself after the firewall step',
        () => {
          if (hasExited(pid)) throw new Error(`the helper exited before the pause:\n${err}`);
          return processState(pid) === 'T';
        },
        { timeoutMs: 60_000 },
      );
      // Mid-create: the bridge and its table exist, nothing is answered but the hello
      // (from the very process that paused), and no dnsmasq runs yet.
      expect(lines()).toEqual([
        { event: 'ready', data: { protocol: HELPER_PROTOCOL, pid } },
        { id: 1, ok: true, result: { protocol: HELPER_PROTOCOL, pid, uid: 0 } },
      ]);
      const midway = await snapshot(topo);
      expect(midway.links).toContain('sytt0');
      expect(midway.tables).toEqual(['inet switchyard_sytt0']);
      expect(midway.dnsmasq).toEqual([]);

      // Pending while the helper is stopped, so it is the first thing it sees on waking.
      process.kill(pid, 'SIGTERM');
      process.kill(pid, 'SIGCONT');
      expect(await exited, err).toEqual({ code: 0, signal: null });

      // The create in flight was finished and answered; the queued request was refused
      // unrun; the helper noticed the signal before the create completed.
      expect(lines().slice(2)).toEqual([
        { id: 2, ok: true, result: { name: 'tt', uuid: expect.any(String) } },
        { event: 'changed', data: { name: 'tt' } },
        { id: 3, ok: false, error: { code: 'helper-unavailable', message: 'helper received SIGTERM' } },
      ]);
      const stopping = err.indexOf('stopping: helper received SIGTERM');
      expect(stopping, err).toBeGreaterThanOrEqual(0);
      expect(err.indexOf('#2 create ok'), err).toBeGreaterThan(stopping);
      const after = await snapshot(topo);
      expect(after.links).toContain('sytt0');
      expect(after.dnsmasq).toHaveLength(1);
      expect(existsSync(join(topo.dirs.config, 'autostart', 'tt.xml'))).toBe(false);
      await client.destroy('tt');
      expect(await snapshot(topo)).toEqual(EMPTY);
    } finally {
      // SIGKILL ends a stopped process too.
      if (!hasExited(pid)) helper.kill('SIGKILL');
      await exited;
    }
  });
});
