// The CLI contract, for real in a private host namespace: virsh's lifecycle
// semantics, first use, a simulated reboot, kill -9 after every step of net-start
// and net-destroy, damaged state files, and several processes racing on the same
// networks.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START_STEP_IDS, STOP_STEP_IDS } from '../../core/plan/index.js';
import { CLI as cli, cliRunner } from './harness/cli-runner.js';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { killAtPause, spawnCliPaused, untilStopped } from './harness/engine-pause.js';
import { EMPTY, snapshot } from './harness/inspect.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

describe.skipIf(skipReason !== undefined)('switchyard net-* lifecycle', () => {
  let topo: Topology;
  const { run: sy, ok } = cliRunner(() => topo);
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

  const spawnSy = (args: string[], env: NodeJS.ProcessEnv) => spawnCliPaused(topo, args, env);
  const killedAt = async (verb: string, step: string) =>
    killAtPause(spawnSy([verb, 'kill'], { SWITCHYARD_PAUSE_AT: step }));
  const killState = async () => ({ net: (await list())[0], host: await snapshot(topo) });

  // Every step id of a start: killed right after it, the next command (any, as root)
  // leaves the network either fully started or not at all.
  it.each(START_STEP_IDS)('repairs a net-start killed -9 right after step %s', async (step) => {
    await ok(['net-define', file('kill', 'sykill0', '192.168.157')]);
    await killedAt('net-start', step);
    const { net, host } = await killState();
    if (step === 'status') {
      expect(net).toMatchObject({ name: 'kill', active: true });
      expect(host.links).toEqual(['sykill0']);
      expect(host.tables).toEqual(['inet switchyard_sykill0']);
      expect(host.dnsmasq).toHaveLength(1);
      await ok(['net-destroy', 'kill']);
    } else {
      expect(net).toMatchObject({ name: 'kill', active: false });
      expect(host).toEqual(EMPTY);
      await ok(['net-start', 'kill']);
      await ok(['net-destroy', 'kill']);
    }
    expect(await snapshot(topo)).toEqual(EMPTY);
    await ok(['net-undefine', 'kill']);
  });

  // Every step id of a stop: a destroy cut short is finished, never reverted (its
  // dnsmasq must not come back on a bridge whose firewall is gone).
  it.each(STOP_STEP_IDS)('finishes a net-destroy killed -9 right after step %s', async (step) => {
    await ok(['net-define', file('kill', 'sykill0', '192.168.157')]);
    await ok(['net-start', 'kill']);
    await killedAt('net-destroy', step);
    const { net, host } = await killState();
    expect(net).toMatchObject({ name: 'kill', active: false });
    expect(host).toEqual(EMPTY);
    await ok(['net-start', 'kill']);
    await ok(['net-destroy', 'kill']);
    await ok(['net-undefine', 'kill']);
  });

  it('owns a bridge a start left unnamed (killed between creating it and setting its alias)', async () => {
    await ok(['net-define', file('kill', 'sykill0', '192.168.157')]);
    const start = spawnSy(['net-start', 'kill'], { SWITCHYARD_PAUSE_AT: 'intent' });
    await untilStopped(start);
    // What `ip link add` alone leaves: the bridge, without the alias that names it ours.
    await topo.runInHost('ip', ['link', 'add', 'name', 'sykill0', 'type', 'bridge']);
    start.child.kill('SIGKILL');
    await start.exited;
    expect(await list()).toEqual([expect.objectContaining({ name: 'kill', active: false })]);
    expect(await snapshot(topo)).toEqual(EMPTY);
    await ok(['net-undefine', 'kill']);
  });

  it('repairs a truncated status file, and lists it clearly until then', async () => {
    await ok(['net-define', file('kill', 'sykill0', '192.168.157')]);
    await ok(['net-start', 'kill']);
    const status = `${topo.dirs.run}/kill.json`;
    writeFileSync(status, readFileSync(status, 'utf8').slice(0, 20));
    // An unprivileged reader sees the damage; it cannot repair it.
    const asUser = await topo.runInHost(
      'runuser',
      ['-u', 'nobody', '--', process.execPath, cli, 'net-list', '--all'],
      {
        env: { ...topo.env, SWITCHYARD_NO_DEFAULT: '1' },
      },
    );
    expect(asUser.stdout).toContain(' kill   damaged ');
    // Root reconciles first: the status is rebuilt from the live XML, the guest's network runs on.
    expect(await list()).toEqual([expect.objectContaining({ name: 'kill', active: true })]);
    const snap = await snapshot(topo);
    expect(snap.links).toEqual(['sykill0']);
    expect(snap.dnsmasq).toHaveLength(1);
    await ok(['net-destroy', 'kill']);
    expect(await snapshot(topo)).toEqual(EMPTY);
    await ok(['net-undefine', 'kill']);
  });

  it('as a normal user, reports a network whose bridge is gone as inactive', async () => {
    await ok(['net-define', file('kill', 'sykill0', '192.168.157')]);
    await ok(['net-start', 'kill']);
    await topo.runInHost('ip', ['link', 'del', 'sykill0']);
    const asUser = await topo.runInHost(
      'runuser',
      ['-u', 'nobody', '--', process.execPath, cli, 'net-list', '--all', '--json'],
      { env: { ...topo.env, SWITCHYARD_NO_DEFAULT: '1' } },
    );
    expect(JSON.parse(asUser.stdout)).toEqual([
      expect.objectContaining({ name: 'kill', active: false, problem: 'its bridge sykill0 is gone' }),
    ]);
    // As root, the read repairs: the rest of the network is cleaned up.
    expect(await list()).toEqual([expect.objectContaining({ name: 'kill', active: false })]);
    expect(await snapshot(topo)).toEqual(EMPTY);
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
