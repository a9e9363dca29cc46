// The CLI contract of issue 3, for real in a private host namespace: virsh's
// lifecycle semantics, first use, a simulated reboot, kill -9 in the middle of
// net-start, and several processes racing on the same networks.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { EMPTY, snapshot } from './harness/inspect.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

describe.skipIf(skipReason !== undefined)('switchyard net-* lifecycle', () => {
  let topo: Topology;
  const sy = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    topo.runInHost(process.execPath, [cli, ...args], {
      env: { ...topo.env, SWITCHYARD_NO_DEFAULT: '1', ...env },
    });
  const ok = async (args: string[]) => {
    const r = await sy(args);
    if (r.code !== 0) throw new Error(`switchyard ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  };
  const fails = async (args: string[], message: RegExp) => {
    const r = await sy(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  };
  const file = (name: string, bridge: string, net: string) =>
    writeXml(topo, name, netXml({ name, bridge, net, mode: 'nat' }));
  const list = async () =>
    ok(['net-list', '--all', '--json']).then((t) => JSON.parse(t) as Record<string, unknown>[]);

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology({ guests: 1 });
  });
  afterAll(async () => {
    await topo?.cleanup();
  });

  it('defines, starts, lists, destroys and undefines like virsh', async () => {
    expect(await ok(['net-define', file('life', 'sylife0', '192.168.151')])).toMatch(
      /^Network life defined from /,
    );
    expect(await ok(['net-list', '--all'])).toBe(
      ' Name   State      Autostart   Persistent\n-------------------------------------------\n life   inactive   no          yes\n\n',
    );
    expect(await ok(['net-start', 'life'])).toBe('Network life started\n\n');
    await fails(
      ['net-start', 'life'],
      /Failed to start network life: Requested operation is not valid: network is already active/,
    );
    const info = await ok(['net-info', 'life']);
    expect(info).toMatch(/^Name: {11}life\nUUID: {11}[0-9a-f-]{36}\nActive: {9}yes\nPersistent: {5}yes\n/);
    const uuid = (await ok(['net-uuid', 'life'])).trim();
    expect((await ok(['net-name', uuid])).trim()).toBe('life');
    expect(await ok(['net-destroy', uuid])).toBe(`Network ${uuid} destroyed\n\n`);
    await fails(['net-destroy', 'life'], /Requested operation is not valid: network 'life' is not active/);
    expect(await ok(['net-undefine', 'life'])).toBe('Network life has been undefined\n\n');
    await fails(['net-info', 'life'], /Network not found: no network with matching name 'life'/);
    expect(await snapshot(topo)).toEqual(EMPTY);
  });

  it('makes an active network transient when undefined, and it disappears when destroyed', async () => {
    await ok(['net-define', file('tr', 'sytr0', '192.168.152')]);
    await ok(['net-start', 'tr']);
    await ok(['net-undefine', 'tr']);
    expect(await list()).toEqual([expect.objectContaining({ name: 'tr', active: true, persistent: false })]);
    await fails(
      ['net-autostart', 'tr'],
      /failed to mark network tr as autostarted: .*cannot set autostart for transient network/,
    );
    await ok(['net-destroy', 'tr']);
    expect(await list()).toEqual([]);
    expect(await snapshot(topo)).toEqual(EMPTY);
  });

  it('net-create starts a transient network that leaves no definition', async () => {
    expect(await ok(['net-create', file('tmp', 'sytmp0', '192.168.153')])).toMatch(
      /^Network tmp created from /,
    );
    expect(
      existsSync(topo.dirs.config) ? readdirSync(topo.dirs.config).filter((f) => f.endsWith('.xml')) : [],
    ).toEqual([]);
    expect(await list()).toEqual([expect.objectContaining({ name: 'tmp', active: true, persistent: false })]);
    await ok(['net-destroy', 'tmp']);
    expect(await list()).toEqual([]);
  });

  it('refuses the same name with another UUID, and the same UUID with another name', async () => {
    await ok(['net-define', file('dup', 'sydup0', '192.168.154')]);
    const uuid = (await ok(['net-uuid', 'dup'])).trim();
    const other = '11111111-2222-4333-8444-555555555555';
    const xml = (name: string, id: string) =>
      netXml({ name, bridge: 'sydup1', net: '192.168.155', mode: 'nat' }).replace(
        `<name>${name}</name>`,
        `<name>${name}</name>\n  <uuid>${id}</uuid>`,
      );
    await fails(
      ['net-define', writeXml(topo, 'dup-a', xml('dup', other))],
      /network 'dup' already exists with uuid/,
    );
    await fails(
      ['net-define', writeXml(topo, 'dup-b', xml('dup2', uuid))],
      /network 'dup' is already defined with uuid/,
    );
    expect((await list()).map((n) => n.name)).toEqual(['dup']);
    await ok(['net-undefine', 'dup']);
  });

  it('rejects bad input with one line naming the network, element and line:column, changing nothing', async () => {
    const bad = writeXml(
      topo,
      'bad',
      "<network>\n  <name>lab</name>\n  <ip address='10.0.0.1' netmask='255.255.255.0'>\n    <dhcp>\n      <range start='10.0.0.2' end='10.0.1.9'/>\n    </dhcp>\n  </ip>\n</network>\n",
    );
    await fails(['net-define', bad], /network 'lab': <range start='10.0.0.2' end='10.0.1.9'> \(line 5:7\)/);
    expect(await list()).toEqual([]);
  });

  it('autostart brings autostart networks back after a simulated reboot', async () => {
    await ok(['net-define', file('boot', 'syboot0', '192.168.156')]);
    await ok(['net-autostart', 'boot']);
    await ok(['net-start', 'boot']);
    // Reboot: processes gone, links and tables gone, /run wiped.
    for (const pid of (await snapshot(topo)).dnsmasq) process.kill(pid, 'SIGKILL');
    await topo.runInHost('ip', ['link', 'del', 'syboot0']);
    await topo.runInHost('nft', ['flush', 'ruleset']);
    await topo.runInHost('rm', ['-rf', topo.dirs.run]);
    expect(await list()).toEqual([expect.objectContaining({ name: 'boot', active: false, autostart: true })]);
    expect(await ok(['autostart'])).toBe('Network boot started\n');
    const snap = await snapshot(topo);
    expect(snap.links).toEqual(['syboot0']);
    expect(snap.dnsmasq).toHaveLength(1);
    await ok(['net-destroy', 'boot']);
    await ok(['net-undefine', 'boot']);
  });

  it('leaves a consistent host when net-start is killed -9 at random points', async () => {
    await ok(['net-define', file('kill', 'sykill0', '192.168.157')]);
    for (const delay of [5, 40, 80, 120, 160, 220, 300]) {
      const child = spawn('ip', ['netns', 'exec', topo.host, process.execPath, cli, 'net-start', 'kill'], {
        env: { ...process.env, ...topo.env, SWITCHYARD_NO_DEFAULT: '1' },
        stdio: 'ignore',
      });
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      // Any next command reconciles first: either fully active or nothing at all.
      const state = (await list())[0];
      const snap = await snapshot(topo);
      if (state?.active) {
        expect(snap.links).toEqual(['sykill0']);
        expect(snap.dnsmasq).toHaveLength(1);
        await ok(['net-destroy', 'kill']);
      } else {
        await ok(['net-start', 'kill']);
        await ok(['net-destroy', 'kill']);
      }
      expect(await snapshot(topo)).toEqual(EMPTY);
    }
    await ok(['net-undefine', 'kill']);
  });

  it('several processes racing on the same networks end consistent', async () => {
    const names = ['ra', 'rb'];
    for (const [i, n] of names.entries()) await ok(['net-define', file(n, `syr${n}0`, `192.168.${160 + i}`)]);
    const verbs = ['net-start', 'net-destroy', 'net-start', 'net-start', 'net-destroy', 'net-start'];
    await Promise.all(names.flatMap((n) => verbs.map((v) => sy([v, n]))));
    const nets = await list();
    const snap = await snapshot(topo);
    const active = nets.filter((n) => n.active).map((n) => String(n.name));
    expect(snap.links.sort()).toEqual(active.map((n) => `syr${n}0`).sort());
    expect(snap.dnsmasq).toHaveLength(active.length);
    for (const n of active) await ok(['net-destroy', n]);
    for (const n of names) await ok(['net-undefine', n]);
    expect(await snapshot(topo)).toEqual(EMPTY);
  });

  it('defines the default network on first use unless SWITCHYARD_NO_DEFAULT=1', async () => {
    const fresh = { SWITCHYARD_CONFIG_DIR: `${topo.dirs.root}/fresh-config`, SWITCHYARD_NO_DEFAULT: '' };
    const r = await sy(['net-list', '--all', '--json'], fresh);
    expect(JSON.parse(r.stdout)).toEqual([
      expect.objectContaining({ name: 'default', active: false, autostart: true, persistent: true }),
    ]);
    const xml = (await sy(['net-dumpxml', 'default'], fresh)).stdout;
    expect(xml).toContain("<forward mode='nat'/>");
    expect(xml).toMatch(/<bridge name='virbr\d+' stp='off' delay='0'\/>/);
  });
});
