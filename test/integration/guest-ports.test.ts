// Who is on a network and keeping them there, with namespace guests: net-ports lists
// each port with the guest's MAC and lease; net-destroy followed by net-start plugs
// the same ports back in (with their isolation flag), but never a device that only
// took a remembered name, nor one another bridge has meanwhile; and the qemu access
// list follows the unprivileged-attach setting without touching the user's lines.
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostPaths, rootId } from '../../host/paths.js';
import type { NetworkPorts } from '../../host/readers/network-ports.js';
import { type CliRunner, cliIn } from './harness/cli-runner.js';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

describe.skipIf(skipReason !== undefined)('ports of a network', () => {
  let topo: Topology;
  let sy: CliRunner;
  let qemuDir = '';
  const masterOf = async (link: string): Promise<string | undefined> => {
    const r = await topo.runInHost('ip', ['-json', 'link', 'show', 'dev', link]);
    return (JSON.parse(r.stdout) as { master?: string }[])[0]?.master;
  };
  const isolatedFlag = async (link: string): Promise<boolean> => {
    const r = await topo.runInHost('cat', [`/sys/class/net/${link}/brport/isolated`]);
    return r.stdout.trim() === '1';
  };

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology({ guests: 3 });
    qemuDir = topo.dirs.qemu;
    sy = cliIn(topo);
    await sy.ok([
      'net-define',
      writeXml(
        topo,
        'lab',
        netXml({ name: 'lab', bridge: 'sylab0', net: '192.168.181', mode: 'nat', noPing: true }),
      ),
    ]);
    await sy.ok(['net-start', 'lab']);
  });
  afterAll(async () => {
    await topo?.cleanup();
  });

  it('net-ports lists each port with the MAC behind it and its lease', async () => {
    const [g1] = topo.guests as [string];
    await topo.plugGuest(g1, 'sylab0', { mac: '52:54:00:aa:00:01' });
    const lease = await topo.dhcp(g1);
    const view = await sy.json<NetworkPorts>(['net-ports', 'lab', '--json']);
    expect(view).toMatchObject({ network: 'lab', bridge: 'sylab0', active: true });
    expect(view.ports).toEqual([
      expect.objectContaining({
        port: 'vg1',
        kind: 'veth',
        isolated: false,
        guestMacs: ['52:54:00:aa:00:01'],
        leases: [expect.objectContaining({ mac: '52:54:00:aa:00:01', ip: lease?.ip })],
      }),
    ]);
    expect(view.ports[0]?.fromGuestBytes).toBeGreaterThan(0);
    const table = await sy.ok(['net-ports', 'lab']);
    expect(table).toMatch(
      new RegExp(`^ vg1 +- +52:54:00:aa:00:01 +${lease?.ip.replace(/\./g, '\\.')} `, 'm'),
    );
  });

  it('net-destroy then net-start plugs the ports back in, isolation flag and all', async () => {
    const [g1, g2] = topo.guests as [string, string];
    await topo.plugGuest(g2, 'sylab0');
    await topo.runInHost('ip', ['link', 'set', 'dev', 'vg2', 'type', 'bridge_slave', 'isolated', 'on']);
    await sy.ok(['net-destroy', 'lab']);
    expect(await masterOf('vg1')).toBeUndefined();
    const stopped = await sy.json<NetworkPorts>(['net-ports', 'lab', '--json']);
    expect(stopped.remembered.map((p) => p.name).sort()).toEqual(['vg1', 'vg2']);
    expect(await sy.ok(['net-ports', 'lab'])).toMatch(
      /^Network lab is not active\. Its next start re-attaches: vg1 \(/,
    );
    const plan = await sy.ok(['net-plan', 'lab']);
    expect(plan).toMatch(/reattach: re-attach 2 former port\(s\) \(vg\d, vg\d\)/);
    await sy.ok(['net-start', 'lab']);
    expect(await masterOf('vg1')).toBe('sylab0');
    expect(await masterOf('vg2')).toBe('sylab0');
    expect(await isolatedFlag('vg2')).toBe(true);
    expect(await isolatedFlag('vg1')).toBe(false);
    // The guest kept its address and is reachable without asking again.
    expect(await topo.ping(g1, '192.168.181.1')).toBe(true);
    await topo.unplugGuest(g1);
    await topo.unplugGuest(g2);
  });

  it('leaves alone a device that took a remembered name, and a port another bridge has now', async () => {
    const [, , g3] = topo.guests as [string, string, string];
    await topo.plugGuest(g3, 'sylab0');
    await sy.ok(['net-destroy', 'lab']);
    // Another MAC under the remembered name: another device, not the VM's.
    await topo.runInHost('ip', ['link', 'set', 'dev', 'vg3', 'address', '02:00:00:00:00:99']);
    await sy.ok(['net-start', 'lab']);
    expect(await masterOf('vg3')).toBeUndefined();
    // A remembered port that another bridge took meanwhile stays there.
    await topo.runInHost('ip', ['link', 'set', 'dev', 'vg3', 'master', 'sylab0']);
    await sy.ok(['net-destroy', 'lab']);
    await topo.runInHost('ip', ['link', 'add', 'name', 'syother0', 'type', 'bridge']);
    await topo.runInHost('ip', ['link', 'set', 'dev', 'vg3', 'master', 'syother0']);
    await sy.ok(['net-start', 'lab']);
    expect(await masterOf('vg3')).toBe('syother0');
    await topo.unplugGuest(g3);
    await topo.runInHost('ip', ['link', 'del', 'syother0']);
  });

  it("keeps the qemu access list in step with the setting, never touching the user's lines", async () => {
    const acl = join(qemuDir, `switchyard-${rootId(hostPaths(topo.env))}.conf`);
    const bridgeConf = join(qemuDir, 'bridge.conf');
    mkdirSync(qemuDir, { recursive: true });
    writeFileSync(bridgeConf, 'allow virbr0\n# mine\ndeny br9');
    chmodSync(bridgeConf, 0o640);
    expect(await sy.ok(['net-user-attach', 'lab'])).toBe('no\n');
    await sy.ok(['net-user-attach', 'lab', '--on']);
    expect(await sy.ok(['net-user-attach', 'lab'])).toBe('yes\n');
    expect(readFileSync(acl, 'utf8')).toMatch(/^allow sylab0$/m);
    expect(readFileSync(bridgeConf, 'utf8')).toBe(
      `allow virbr0\n# mine\ndeny br9\n# Added by Switchyard: bridges of its networks open to unprivileged users' VMs\ninclude ${acl}\n`,
    );
    expect(statSync(bridgeConf).mode & 0o777).toBe(0o640);
    expect(await sy.ok(['net-dumpxml', 'lab', '--inactive'])).toContain(
      '<switchyard:guests xmlns:switchyard="http://switchyard.dev/schemas/network/1.0" unprivilegedAttach="yes"/>',
    );
    // Reconcile repairs the file from the running networks (here after a hand edit).
    writeFileSync(acl, '');
    const r = await sy.run(['net-list'], { SWITCHYARD_LOG: '1' });
    expect(r.stderr).toContain(`reconcile: rewrote ${acl} to match the running networks`);
    expect(readFileSync(acl, 'utf8')).toMatch(/^allow sylab0$/m);
    // Stopping removes the line, starting brings it back; the include is added once.
    await sy.ok(['net-destroy', 'lab']);
    expect(readFileSync(acl, 'utf8')).not.toMatch(/^allow /m);
    await sy.ok(['net-start', 'lab']);
    expect(readFileSync(acl, 'utf8')).toMatch(/^allow sylab0$/m);
    expect(readFileSync(bridgeConf, 'utf8').match(/^include /gm)).toHaveLength(1);
    await sy.ok(['net-user-attach', 'lab', '--off']);
    expect(readFileSync(acl, 'utf8')).not.toMatch(/^allow /m);
    expect(await sy.ok(['net-dumpxml', 'lab'])).not.toContain('switchyard:guests');
  });

  it('refuses to open a bridge qemu-bridge-helper would read as every bridge', async () => {
    const xml = netXml({ name: 'all', bridge: 'all', net: '192.168.182', mode: 'nat' });
    await sy.ok(['net-define', writeXml(topo, 'all', xml)]);
    const r = await sy.run(['net-user-attach', 'all', '--on']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "error: network 'all': bridge name 'all' means every bridge to qemu-bridge-helper\n",
    );
    expect(await sy.ok(['net-user-attach', 'all'])).toBe('no\n');
    await sy.ok(['net-undefine', 'all']);
  });
});
