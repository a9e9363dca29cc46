// What libvirt enforces, enforced by Switchyard with namespace guests: <port
// isolated='yes'/> keeps guests from each other but not from the host, <bandwidth>
// limits what crosses the host to and from the guests (and an unlimited network in
// the same run is far faster), both made and removed with the network, rolled back
// on failure, repaired by reconcile, and undone or finished after a kill -9.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPaths, rootId } from '../../host/paths.js';
import { type CliRunner, cliIn } from './harness/cli-runner.js';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { killAtPause, spawnCliPaused } from './harness/engine-pause.js';
import { EMPTY, snapshot } from './harness/inspect.js';
import { hasIperf3, measureRate } from './harness/iperf.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

/** KB/s, as libvirt's <bandwidth> counts. */
const LIMIT = 256;

describe.skipIf(skipReason !== undefined)('port isolation and bandwidth', () => {
  let topo: Topology;
  let sy: CliRunner;
  let qemuDir = '';
  const define = (name: string, bridge: string, net: string, extra: string) =>
    sy.ok([
      'net-define',
      writeXml(topo, name, netXml({ name, bridge, net, mode: 'nat', noPing: true, extra })),
    ]);
  const leaseOf = async (guest: string, bridge: string): Promise<string> => {
    await topo.plugGuest(guest, bridge);
    const lease = await topo.dhcp(guest);
    if (!lease) throw new Error(`${guest} got no lease on ${bridge}`);
    return lease.ip;
  };
  const aclFile = () => {
    try {
      return readFileSync(join(qemuDir, `switchyard-${rootId(hostPaths(topo.env))}.conf`), 'utf8');
    } catch {
      return '';
    }
  };

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology({ guests: 3 });
    qemuDir = topo.dirs.qemu;
    sy = cliIn(topo);
  });
  afterAll(async () => {
    await topo?.cleanup();
  });

  it("<port isolated='yes'>: guests reach the host but not each other; without it they do", async () => {
    const [g1, g2, g3] = topo.guests as [string, string, string];
    await define('iso', 'syiso0', '192.168.171', "  <port isolated='yes'/>\n");
    await define('open', 'syopen0', '192.168.172', '');
    await sy.ok(['net-start', 'iso']);
    await sy.ok(['net-start', 'open']);
    const tables = (await topo.runInHost('nft', ['list', 'tables'])).stdout;
    expect(tables).toMatch(/^table (bridge|inet) syiso_syiso0$/m);
    const [ip1, ip2] = [await leaseOf(g1, 'syiso0'), await leaseOf(g2, 'syiso0')];
    expect(await topo.ping(g1, '192.168.171.1')).toBe(true);
    expect(await topo.ping(g2, '192.168.171.1')).toBe(true);
    expect(await topo.ping(g1, ip2)).toBe(false);
    expect(await topo.ping(g2, ip1)).toBe(false);
    // The same guests on a network without isolation see each other.
    await topo.unplugGuest(g2);
    const ip3 = await leaseOf(g3, 'syopen0');
    await topo.unplugGuest(g1);
    const ip1b = await leaseOf(g1, 'syopen0');
    expect(await topo.ping(g1, ip3)).toBe(true);
    expect(await topo.ping(g3, ip1b)).toBe(true);
    for (const g of [g1, g3]) await topo.unplugGuest(g);
    await sy.ok(['net-destroy', 'iso']);
    await sy.ok(['net-destroy', 'open']);
    expect(await snapshot(topo)).toEqual(EMPTY);
    await sy.ok(['net-undefine', 'iso']);
    await sy.ok(['net-undefine', 'open']);
  });

  it.skipIf(!hasIperf3)(
    '<bandwidth> holds both directions near the limit; an unlimited network is far faster',
    async () => {
      const [g1, g2] = topo.guests as [string, string];
      const limits = `  <bandwidth>\n    <inbound average='${LIMIT}'/>\n    <outbound average='${LIMIT}'/>\n  </bandwidth>\n`;
      await define('slow', 'syslow0', '192.168.173', limits);
      await define('fast', 'syfast0', '192.168.174', '');
      const plan = await sy.json<{ tc: string[] }>(['net-plan', 'slow', '--json']);
      expect(plan.tc).toContain(`tc qdisc add dev syslow0 root handle 1: htb default 2`);
      await sy.ok(['net-start', 'slow']);
      await sy.ok(['net-start', 'fast']);
      await leaseOf(g1, 'syslow0');
      await leaseOf(g2, 'syfast0');
      const at = (ns: string, ip: string, serverSends: boolean) =>
        measureRate({ serverNs: topo.host, serverIp: ip, clientNs: ns, serverSends });
      const up = await at(g1, '192.168.173.1', false);
      const down = await at(g1, '192.168.173.1', true);
      const free = await at(g2, '192.168.174.1', true);
      console.log(
        `<bandwidth> ${LIMIT} KB/s: guest sends ${(up / 1000).toFixed(0)} KB/s, receives ${(down / 1000).toFixed(0)} KB/s; unlimited network: ${(free / 1000).toFixed(0)} KB/s`,
      );
      // tc's kbps is 1000 or 1024 bytes depending on the reading: either way within 2x.
      for (const rate of [up, down]) {
        expect(rate).toBeGreaterThan((LIMIT * 1000) / 2);
        expect(rate).toBeLessThan(LIMIT * 1024 * 2);
      }
      expect(free).toBeGreaterThan(LIMIT * 1024 * 8);
      for (const g of [g1, g2]) await topo.unplugGuest(g);
      await sy.ok(['net-destroy', 'slow']);
      await sy.ok(['net-destroy', 'fast']);
      expect(await snapshot(topo)).toEqual(EMPTY);
      await sy.ok(['net-undefine', 'fast']);
    },
  );

  const everything = (name: string, bridge: string) =>
    define(
      name,
      bridge,
      '192.168.175',
      `  <bandwidth>\n    <inbound average='1000' peak='2000' burst='64'/>\n    <outbound average='500'/>\n  </bandwidth>\n  <port isolated='yes'/>\n`,
    ).then(() => sy.ok(['net-user-attach', name, '--on']));

  it('reconcile makes again the isolation table, the IFB and the qdiscs someone removed', async () => {
    await everything('fix', 'syfix0');
    await sy.ok(['net-start', 'fix']);
    const before = await snapshot(topo);
    await topo.runInHost('nft', ['flush', 'ruleset']);
    const ifb = before.links.find((l) => l.startsWith('syifb')) ?? '';
    await topo.runInHost('ip', ['link', 'del', ifb]);
    await topo.runInHost('tc', ['qdisc', 'del', 'dev', 'syfix0', 'root']);
    const r = await sy.run(['net-list'], { SWITCHYARD_LOG: '1' });
    expect(r.stderr).toMatch(/reconcile: restored fix: port isolation table (bridge|inet) syiso_syfix0/);
    expect(r.stderr).toContain('reconcile: restored fix: <bandwidth> qdiscs on syfix0');
    const after = await snapshot(topo);
    expect(after.links.sort()).toEqual(before.links.sort());
    expect(after.tables).toContain(before.tables.find((t) => t.includes('syiso_')));
    const qdiscs = (await topo.runInHost('tc', ['qdisc', 'show', 'dev', 'syfix0'])).stdout;
    expect(qdiscs).toMatch(/qdisc htb 1: root/);
    expect(qdiscs).toMatch(/qdisc ingress ffff:/);
    await sy.ok(['net-destroy', 'fix']);
    expect(await snapshot(topo)).toEqual(EMPTY);
    expect(aclFile()).not.toMatch(/^allow /m);
  });

  it('a start that fails after its last step leaves no table, IFB or access list line behind', async () => {
    const r = await sy.run(['net-start', 'fix'], { SWITCHYARD_FAIL_AT: 'status' });
    expect(r.code).toBe(1);
    expect(await snapshot(topo)).toEqual(EMPTY);
    expect(aclFile()).not.toMatch(/^allow /m);
  });

  const spawnSy = (args: string[], env: NodeJS.ProcessEnv) => spawnCliPaused(topo, args, env);

  it.each(['isolation', 'bandwidth', 'qemu-acl', 'reattach'])(
    'undoes a net-start killed -9 right after step %s, and the next start re-attaches the guest',
    async (step) => {
      const [g1] = topo.guests as [string];
      await sy.ok(['net-start', 'fix']);
      await topo.plugGuest(g1, 'syfix0');
      await sy.ok(['net-destroy', 'fix']);
      await killAtPause(spawnSy(['net-start', 'fix'], { SWITCHYARD_PAUSE_AT: step }));
      await sy.ok(['net-list']);
      expect(await snapshot(topo)).toEqual(EMPTY);
      expect(aclFile()).not.toMatch(/^allow /m);
      await sy.ok(['net-start', 'fix']);
      const port = (await topo.runInHost('ip', ['-d', '-json', 'link', 'show', 'dev', 'vg1'])).stdout;
      expect(JSON.parse(port)[0]).toMatchObject({ master: 'syfix0' });
      expect(aclFile()).toMatch(/^allow syfix0$/m);
      await topo.unplugGuest(g1);
      await sy.ok(['net-destroy', 'fix']);
    },
  );

  it.each(['ports', 'guests'])('finishes a net-destroy killed -9 right after step %s', async (step) => {
    await sy.ok(['net-start', 'fix']);
    await killAtPause(spawnSy(['net-destroy', 'fix'], { SWITCHYARD_PAUSE_AT: step }));
    await sy.ok(['net-list']);
    expect(await snapshot(topo)).toEqual(EMPTY);
    expect(aclFile()).not.toMatch(/^allow /m);
  });
});
