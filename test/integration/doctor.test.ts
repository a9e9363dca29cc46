// `switchyard doctor` on hosts that are not pristine, in a namespace: Docker's
// FORWARD DROP arriving after a NAT network started, a program holding port 53, a
// libvirt-made virbr0 on 192.168.122.1/24. Each time the doctor names the cause
// with its evidence and exits 1, and 0 once everything holds again; what it and the
// networks did leaves the namespace's firewall as it was found.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthReport } from '../../host/doctor/index.js';
import { exitOf } from '../support/child-exit.js';
import { pollUntil } from '../support/poll-until.js';
import { cliIn } from './harness/cli-runner.js';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology, UPLINK_HOST_IP, UPLINK_WAN_IP } from './harness/topology.js';

describe.skipIf(skipReason !== undefined)('switchyard doctor', () => {
  let topo: Topology;
  const cli = () => cliIn(topo);
  const host = (cmd: string, args: string[]) => topo.runInHost(cmd, args);
  const doctor = async (args: string[]) => {
    const r = await cli().run(['doctor', ...args, '--json']);
    return { code: r.code, report: JSON.parse(r.stdout) as HealthReport };
  };
  const ids = (r: HealthReport) => r.findings.map((f) => f.id);
  const define = (name: string, bridge: string, net: string, mode: 'nat' | 'route' = 'nat') =>
    cli().ok(['net-define', writeXml(topo, name, netXml({ name, bridge, net, mode, noPing: true }))]);
  /**
   * Everybody else's firewall as text: iptables' and nft's view without the running
   * networks' own tables, and without packet counters, which traffic changes.
   */
  const foreignFirewall = async () => {
    const [v4, v6, nft] = await Promise.all([
      host('iptables', ['-S']),
      host('ip6tables', ['-S']),
      host('nft', ['list', 'ruleset']),
    ]);
    const tables = nft.stdout.split(/\n(?=table )/).filter((t) => !t.startsWith('table inet switchyard_'));
    return [v4.stdout, v6.stdout, ...tables].join('\n').replace(/counter packets \d+ bytes \d+/g, 'counter');
  };

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology({ guests: 1 });
  });
  afterAll(async () => {
    await topo?.cleanup();
  });

  it('a hand-made virbr0 on 192.168.122.1/24: first use picks another bridge and subnet, the doctor names the clash, virbr0 stays', async () => {
    await host('ip', ['link', 'add', 'virbr0', 'type', 'bridge']);
    await host('ip', ['addr', 'add', '192.168.122.1/24', 'dev', 'virbr0']);
    await host('ip', ['link', 'set', 'virbr0', 'up']);
    const first = join(topo.dirs.root, 'first');
    const fresh = cliIn(topo, {
      SWITCHYARD_CONFIG_DIR: join(first, 'config'),
      SWITCHYARD_RUN_DIR: join(first, 'run'),
      SWITCHYARD_STATE_DIR: join(first, 'state'),
    });
    const firstUse = { SWITCHYARD_NO_DEFAULT: '0' };
    expect(await fresh.ok(['net-list', '--all', '--name'], firstUse)).toBe('default\n\n');
    const xml = await fresh.ok(['net-dumpxml', 'default']);
    expect(xml).not.toContain("name='virbr0'");
    expect(xml).not.toContain('192.168.122.');
    await fresh.ok(['net-start', 'default']);
    await fresh.ok(['net-destroy', 'default']);

    await define('lv', 'sylv0', '192.168.122');
    const { code, report } = await doctor(['lv']);
    expect(code).toBe(1);
    const clash = report.findings.find((f) => f.id === 'collision:lv');
    expect(clash?.cause).toMatch(/192\.168\.122\..*virbr0|virbr0.*192\.168\.122\./);
    expect((await cli().run(['net-start', 'lv'])).code).toBe(1);
    expect((await host('ip', ['-br', 'addr', 'show', 'dev', 'virbr0'])).stdout).toContain('192.168.122.1/24');
    await cli().ok(['net-undefine', 'lv']);
  });

  it('a process bound to 0.0.0.0:53: the doctor names its PID and program; a start works or fails in one line naming port 53 and it', async () => {
    await define('dn', 'sydn0', '192.168.182');
    // Plain sockets: Python sets no SO_REUSEADDR unless asked, so dnsmasq cannot share the port.
    const squatter = spawn(
      'ip',
      [
        'netns',
        'exec',
        topo.host,
        '/usr/bin/python3',
        '-c',
        'import socket,sys\n' +
          'u=socket.socket(socket.AF_INET,socket.SOCK_DGRAM);u.bind(("0.0.0.0",53))\n' +
          't=socket.socket();t.bind(("0.0.0.0",53));t.listen()\n' +
          'print("bound",flush=True);sys.stdin.read()',
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const gone = exitOf(squatter);
    try {
      await pollUntil('the squatter to bind port 53', async () =>
        squatter.stdout.read()?.toString().includes('bound'),
      );
      const { code, report } = await doctor(['dn']);
      expect(code).toBe(1);
      const port = report.findings.find((f) => f.id === 'port:dn:53');
      expect(port?.evidence.join(' ')).toContain(`PID ${squatter.pid} (python3`);
      const start = await cli().run(['net-start', 'dn']);
      if (start.code === 0) {
        await cli().ok(['net-destroy', 'dn']);
      } else {
        expect(start.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(start.stderr).toMatch(new RegExp(`port 53.*PID ${squatter.pid} \\(python3`));
      }
    } finally {
      squatter.kill('SIGKILL');
      await gone;
    }
    const after = await doctor(['dn']);
    expect(ids(after.report)).not.toContain('port:dn:53');
    await cli().ok(['net-undefine', 'dn']);
  });

  it('a drop-policy forward chain in another nftables table: the doctor names it with the commands to accept our traffic there, which work', async () => {
    await define('nf', 'synf0', '192.168.184');
    await cli().ok(['net-start', 'nf']);
    const [g] = topo.guests as [string];
    await topo.plugGuest(g, 'synf0');
    expect((await topo.dhcp(g))?.ip).toMatch(/^192\.168\.184\./);
    await host('nft', ['add table inet filter']);
    await host('nft', [
      'add chain inet filter forward { type filter hook forward priority 0; policy drop; }',
    ]);
    expect(await topo.ping(g, UPLINK_WAN_IP)).toBe(false);

    const { code, report } = await doctor(['nf']);
    expect(code).toBe(1);
    const chain = report.findings.find((f) => f.id === 'foreign-chain:nf:inet:filter:forward');
    expect(chain?.evidence.join(' ')).toContain('policy drop');
    expect(chain?.repair).toBeUndefined();
    const commands = chain?.commands ?? [];
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) expect(await host('sh', ['-c', c])).toMatchObject({ code: 0, stderr: '' });
    expect(await topo.ping(g, UPLINK_WAN_IP)).toBe(true);
    expect(ids((await doctor(['nf'])).report)).not.toContain('foreign-chain:nf:inet:filter:forward');

    await host('nft', ['delete table inet filter']);
    await topo.unplugGuest(g);
    await cli().ok(['net-destroy', 'nf']);
  });

  it("Docker's FORWARD DROP and DOCKER-USER after a NAT network started: the doctor shows the missing accepts, --fix restores them, the stop leaves Docker's rules as they were", async () => {
    await define('dk', 'sydk0', '192.168.181');
    await cli().ok(['net-start', 'dk']);
    const [g] = topo.guests as [string];
    await topo.plugGuest(g, 'sydk0');
    const lease = await topo.dhcp(g);
    expect(lease?.ip).toMatch(/^192\.168\.181\./);
    const healthy = await doctor(['dk']);
    expect(healthy.report.findings).toEqual([]);
    expect(healthy.code).toBe(0);

    await host('iptables', ['-N', 'DOCKER-USER']);
    await host('iptables', ['-A', 'DOCKER-USER', '-j', 'RETURN']);
    await host('iptables', ['-I', 'FORWARD', '-j', 'DOCKER-USER']);
    await host('iptables', ['-P', 'FORWARD', 'DROP']);
    const docker = await foreignFirewall();
    expect(await topo.ping(g, UPLINK_WAN_IP)).toBe(false);

    const broken = await doctor(['dk']);
    expect(broken.code).toBe(1);
    const drop = broken.report.findings.find((f) => f.id === 'host-chain:dk:ipv4:FORWARD');
    expect(drop?.evidence[0]).toContain('-P FORWARD DROP');
    expect(drop?.repair).toBe('restore');

    const fixed = await cli().run(['doctor', 'dk', '--fix']);
    expect(fixed.stdout).toMatch(/^everything holds: checked network 'dk'/m);
    expect(fixed.code).toBe(0);
    expect(await topo.ping(g, UPLINK_WAN_IP)).toBe(true);
    expect(await topo.ping(topo.wan, lease?.ip ?? '')).toBe(false);
    expect((await host('iptables', ['-S', 'FORWARD'])).stdout).toContain('-P FORWARD DROP');

    await topo.unplugGuest(g);
    await cli().ok(['net-destroy', 'dk']);
    expect(await foreignFirewall()).toBe(docker);
  });

  it('a routed network started under FORWARD DROP forwards both ways, and its stop leaves the chain as found', async () => {
    await host('iptables', ['-P', 'FORWARD', 'DROP']);
    const before = await foreignFirewall();
    await define('rt', 'syrt0', '192.168.183', 'route');
    await topo.runIn(topo.wan, 'ip', ['route', 'add', '192.168.183.0/24', 'via', UPLINK_HOST_IP]);
    await cli().ok(['net-start', 'rt']);
    const [g] = topo.guests as [string];
    await topo.plugGuest(g, 'syrt0');
    const lease = await topo.dhcp(g);
    expect(lease?.ip).toMatch(/^192\.168\.183\./);
    expect(await topo.ping(g, UPLINK_WAN_IP)).toBe(true);
    expect(await topo.ping(topo.wan, lease?.ip ?? '')).toBe(true);
    expect((await doctor(['rt'])).code).toBe(0);
    await topo.unplugGuest(g);
    await cli().ok(['net-destroy', 'rt']);
    expect(await foreignFirewall()).toBe(before);
  });
});
