// The app's workflows, each one call and one locked operation, through the real
// helper (run directly as root inside the test's namespace) and the CLI's verbs:
// create with autostart and start, restart, delete, apply a fix. A failure half-way
// leaves nothing half-done.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HelperClient } from '../../host/helper-client/index.js';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { EMPTY, snapshot } from './harness/inspect.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology, UPLINK_HOST_IP } from './harness/topology.js';

const HELPER = fileURLToPath(new URL('../../dist/helper/main.js', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

describe.skipIf(skipReason !== undefined)('workflows: one call, one locked operation', () => {
  let topo: Topology;
  let client: HelperClient;
  const sy = (args: string[]) =>
    topo.runInHost(process.execPath, [CLI, ...args], { env: { ...topo.env, SWITCHYARD_NO_DEFAULT: '1' } });
  const definitions = () => (existsSync(topo.dirs.config) ? readdirSync(topo.dirs.config) : []);

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology();
    client = new HelperClient({
      command: {
        launcher: ['ip', 'netns', 'exec', topo.host, process.execPath],
        helperPath: HELPER,
        env: { ...topo.env, SWITCHYARD_NO_DEFAULT: '1' },
      },
      startTimeoutMs: 60_000,
    });
  });
  afterAll(async () => {
    await client?.close();
    await topo?.cleanup();
  });

  it('creates with autostart and start in one call, and deletes a running network in one call', async () => {
    const xml = netXml({ name: 'wf', bridge: 'sywf0', net: '192.168.191', mode: 'nat' });
    await client.defineAndStart(xml, { autostart: true, start: true });
    expect((await snapshot(topo)).links).toContain('sywf0');
    expect(existsSync(join(topo.dirs.config, 'autostart', 'wf.xml'))).toBe(true);
    await client.remove('wf');
    expect(await snapshot(topo)).toEqual(EMPTY);
    expect(definitions().filter((f) => f.endsWith('.xml'))).toEqual([]);
  });

  it('a create whose start collides leaves no definition and no autostart behind', async () => {
    const prefix = UPLINK_HOST_IP.split('.').slice(0, 3).join('.');
    const xml = netXml({ name: 'clash', bridge: 'syclash0', net: prefix, mode: 'nat' });
    await expect(client.defineAndStart(xml, { autostart: true, start: true })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already in use by interface uplink/),
    });
    expect(await snapshot(topo)).toEqual(EMPTY);
    expect(definitions()).not.toContain('clash.xml');
    expect(existsSync(join(topo.dirs.config, 'autostart', 'clash.xml'))).toBe(false);
  });

  it('restarts with the saved definition, in one call', async () => {
    const xml = netXml({ name: 'rs', bridge: 'syrs0', net: '192.168.192', mode: 'isolated' });
    await client.defineAndStart(xml, { autostart: false, start: true });
    await client.define(xml.replace("end='192.168.192.250'", "end='192.168.192.99'"));
    expect((await sy(['net-dumpxml', 'rs'])).stdout).toContain("end='192.168.192.250'");
    await client.restart('rs');
    expect((await sy(['net-dumpxml', 'rs'])).stdout).toContain("end='192.168.192.99'");
    expect((await snapshot(topo)).links).toContain('syrs0');
    await client.remove('rs');
  });

  it('applies the offered free-subnet fix and starts the network', async () => {
    const prefix = UPLINK_HOST_IP.split('.').slice(0, 3).join('.');
    await client.define(netXml({ name: 'fix', bridge: 'syfix0', net: prefix, mode: 'nat' }));
    await expect(client.start('fix')).rejects.toMatchObject({ code: 'conflict' });
    expect(await client.applyFix('fix', { kind: 'free-subnet', subnet: '192.168.193.0/24' })).toEqual({
      started: true,
    });
    const live = (await sy(['net-dumpxml', 'fix'])).stdout;
    expect(live).toContain("<ip address='192.168.193.1' netmask='255.255.255.0'>");
    expect(live).toContain("<range start='192.168.193.2' end='192.168.193.254'/>");
    await client.remove('fix');
    expect(await snapshot(topo)).toEqual(EMPTY);
  });

  it('net-restart and net-delete do the same from the command line', async () => {
    const file = writeXml(
      topo,
      'cl',
      netXml({ name: 'cl', bridge: 'sycl0', net: '192.168.194', mode: 'nat' }),
    );
    expect((await sy(['net-define', file])).code).toBe(0);
    expect((await sy(['net-start', 'cl'])).code).toBe(0);
    expect(await sy(['net-restart', 'cl'])).toMatchObject({ code: 0, stdout: 'Network cl restarted\n\n' });
    expect((await snapshot(topo)).links).toContain('sycl0');
    expect(await sy(['net-delete', 'cl'])).toMatchObject({ code: 0, stdout: 'Network cl deleted\n\n' });
    expect(await snapshot(topo)).toEqual(EMPTY);
    const again = await sy(['net-restart', 'cl']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe("error: Network not found: no network with matching name 'cl'\n");
  });
});
