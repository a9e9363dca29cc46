// Two state roots in one network namespace (a second install, the tests, the
// playground beside a real install): each one's reconcile and changes touch only its
// own networks, with a guest on each proving that the other's stays up. They share
// the host's bridge names and subnets, so asking for the other's gives the usual
// conflict error.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from './harness/cli-runner.js';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { dnsmasqPids, snapshot } from './harness/inspect.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

describe.skipIf(skipReason !== undefined)('two state roots side by side', () => {
  let topo: Topology;
  let rootB: NodeJS.ProcessEnv;
  const cli = cliRunner(() => topo, { env: () => ({}) });
  const sy = (env: NodeJS.ProcessEnv, args: string[]) => cli.run(args, env);
  const ok = (env: NodeJS.ProcessEnv, args: string[]) => cli.ok(args, env);
  const define = (env: NodeJS.ProcessEnv, name: string, bridge: string, net: string) =>
    ok(env, ['net-define', writeXml(topo, name, netXml({ name, bridge, net, mode: 'nat', noPing: true }))]);
  const active = async (env: NodeJS.ProcessEnv) =>
    (JSON.parse(await ok(env, ['net-list', '--json'])) as { name: string }[]).map((n) => n.name);

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology({ guests: 2 });
    const b = join(topo.dirs.root, 'b');
    rootB = {
      ...topo.env,
      SWITCHYARD_CONFIG_DIR: join(b, 'config'),
      SWITCHYARD_RUN_DIR: join(b, 'run'),
      SWITCHYARD_STATE_DIR: join(b, 'state'),
    };
    await define(topo.env, 'a', 'syrta0', '192.168.171');
    await define(rootB, 'b', 'syrtb0', '192.168.172');
    await ok(topo.env, ['net-start', 'a']);
    await ok(rootB, ['net-start', 'b']);
    const [g1, g2] = topo.guests as [string, string];
    await topo.plugGuest(g1, 'syrta0');
    await topo.plugGuest(g2, 'syrtb0');
    expect((await topo.dhcp(g1))?.ip).toMatch(/^192\.168\.171\./);
    expect((await topo.dhcp(g2))?.ip).toMatch(/^192\.168\.172\./);
  });
  afterAll(async () => {
    await topo?.cleanup();
  });

  it("each root lists, reconciles and changes only its own networks; the other's guest stays connected", async () => {
    const before = await snapshot(topo);
    expect(await active(topo.env)).toEqual(['a']);
    expect(await active(rootB)).toEqual(['b']);
    await define(topo.env, 'a2', 'syrta1', '192.168.173');
    await ok(topo.env, ['net-start', 'a2']);
    await ok(topo.env, ['net-destroy', 'a2']);
    expect(await snapshot(topo)).toEqual(before);
    const [g1, g2] = topo.guests as [string, string];
    expect(await topo.ping(g1, '192.168.171.1')).toBe(true);
    expect(await topo.ping(g2, '192.168.172.1')).toBe(true);
  });

  it("leaves the other root's leftovers to that root", async () => {
    // Root B loses its records (as if its run dir were wiped): its bridge is a leftover,
    // but only B can tell it is one of its own.
    const bPid = dnsmasqPids(topo).length;
    rmSync(join(String(rootB.SWITCHYARD_RUN_DIR), 'b.json'));
    rmSync(join(String(rootB.SWITCHYARD_RUN_DIR), 'b.xml'));
    await ok(topo.env, ['net-list']);
    let snap = await snapshot(topo);
    expect(snap.links).toEqual(['syrta0', 'syrtb0']);
    expect(snap.tables).toEqual(['inet switchyard_syrta0', 'inet switchyard_syrtb0']);
    expect(snap.dnsmasq).toHaveLength(bPid);
    expect(await topo.ping(topo.guests[1] ?? '', '192.168.172.1')).toBe(true);
    // B's own next command cleans them up.
    await ok(rootB, ['net-list']);
    snap = await snapshot(topo);
    expect(snap.links).toEqual(['syrta0']);
    expect(snap.tables).toEqual(['inet switchyard_syrta0']);
    expect(snap.dnsmasq).toHaveLength(bPid - 1);
    await ok(rootB, ['net-start', 'b']);
  });

  it("refuses the other root's bridge name and subnet with the usual conflict", async () => {
    await define(rootB, 'b-bridge', 'syrta0', '192.168.174');
    const sameBridge = await sy(rootB, ['net-start', 'b-bridge']);
    expect(sameBridge.code).toBe(1);
    expect(sameBridge.stderr).toMatch(/^error: network 'b-bridge': bridge name 'syrta0' is already in use/);
    await define(rootB, 'b-subnet', 'syrtb9', '192.168.171');
    const sameSubnet = await sy(rootB, ['net-start', 'b-subnet']);
    expect(sameSubnet.code).toBe(1);
    expect(sameSubnet.stderr).toMatch(/^error: network 'b-subnet': 192\.168\.171\.0\/24 is already in use/);
    expect(await active(topo.env)).toEqual(['a']);
    expect(await topo.ping(topo.guests[0] ?? '', '192.168.171.1')).toBe(true);
  });
});
