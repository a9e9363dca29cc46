// `switchyard doctor` on hosts that are not pristine, in a namespace: Docker's
// FORWARD DROP arriving before and after a NAT network started, a program holding
// port 53, a libvirt-made virbr0 on 192.168.122.1/24, a route or routing rule that
// shadows the subnet, ip_forward turned off, dnsmasq or nft missing, NetworkManager's
// keyfile no longer listing the bridge. Each time the doctor names the cause with its
// evidence and exits 1, and 0 once everything holds again; what it and the networks
// did leaves the namespace's firewall as it was found.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthReport } from '../../host/doctor/index.js';
import { exitOf } from '../support/child-exit.js';
import { pollUntil } from '../support/poll-until.js';
import { cliIn, cliRunner } from './harness/cli-runner.js';
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
    // Trimmed: the last table keeps the listing's final newline, and which one is last depends on creation order.
    const tables = nft.stdout
      .split(/\n(?=table )/)
      .filter((t) => !t.startsWith('table inet switchyard_'))
      .map((t) => t.trimEnd());
    return [v4.stdout, v6.stdout, ...tables].join('\n').replace(/counter packets \d+ bytes \d+/g, 'counter');
  };

  /** iptables-save without its dated header lines and the counters traffic changes. */
  const iptablesSave = async () =>
    (await host('iptables-save', [])).stdout.replace(/^#.*\n/gm, '').replace(/\[\d+:\d+\]/g, '[]');

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

  it('a route that shadows the subnet, more specific or by a routing rule: the doctor names the route; without it everything holds', async () => {
    await define('rs', 'syrs0', '192.168.186');
    await cli().ok(['net-start', 'rs']);
    expect((await doctor(['rs'])).code).toBe(0);

    await host('ip', ['route', 'add', '192.168.186.0/25', 'dev', 'uplink']);
    const specific = await doctor(['rs']);
    expect(specific.code).toBe(1);
    const route = specific.report.findings.find((f) => f.id === 'route:rs:192.168.186.0/24');
    expect(route?.title).toContain('goes to uplink, not to syrs0');
    expect(route?.evidence[0]).toMatch(/^ip route get 192\.168\.186\.10: .*dev uplink/);
    expect(route?.repair).toBeUndefined();
    await host('ip', ['route', 'del', '192.168.186.0/25', 'dev', 'uplink']);

    // The equal subnet in another table, chosen by a rule: what a VPN client does.
    await host('ip', ['route', 'add', '192.168.186.0/24', 'dev', 'uplink', 'table', '186']);
    await host('ip', ['rule', 'add', 'to', '192.168.186.0/24', 'table', '186', 'priority', '100']);
    const byRule = await doctor(['rs']);
    expect(byRule.code).toBe(1);
    expect(byRule.report.findings.find((f) => f.id === 'route:rs:192.168.186.0/24')?.evidence[0]).toContain(
      'dev uplink',
    );
    await host('ip', ['rule', 'del', 'priority', '100']);
    await host('ip', ['route', 'flush', 'table', '186']);

    expect(await doctor(['rs'])).toMatchObject({ code: 0, report: { ok: true, findings: [] } });
    await cli().ok(['net-destroy', 'rs']);
  });

  it('ip_forward turned off after a NAT start: the doctor names the sysctl, --fix turns it on and the guest reaches the wan again', async () => {
    await define('fw', 'syfw0', '192.168.187');
    await cli().ok(['net-start', 'fw']);
    const [g] = topo.guests as [string];
    await topo.plugGuest(g, 'syfw0');
    const lease = await topo.dhcp(g);
    expect(lease?.ip).toMatch(/^192\.168\.187\./);
    expect(await topo.ping(g, UPLINK_WAN_IP)).toBe(true);

    await host('sysctl', ['-w', 'net.ipv4.ip_forward=0']);
    expect(await topo.ping(g, UPLINK_WAN_IP)).toBe(false);
    const off = await doctor(['fw']);
    expect(off.code).toBe(1);
    const finding = off.report.findings.find((f) => f.id === 'forwarding:fw:net/ipv4/ip_forward');
    expect(finding).toMatchObject({
      evidence: ['/proc/sys/net/ipv4/ip_forward = 0'],
      commands: ['sysctl -w net.ipv4.ip_forward=1'],
      repair: 'ip-forward',
    });

    const fixed = await cli().run(['doctor', 'fw', '--fix', '--json']);
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.stdout)).toMatchObject({ ok: true, findings: [] });
    expect((await host('sysctl', ['-n', 'net.ipv4.ip_forward'])).stdout.trim()).toBe('1');
    expect(await topo.ping(g, UPLINK_WAN_IP)).toBe(true);
    await topo.unplugGuest(g);
    await cli().ok(['net-destroy', 'fw']);
  });

  it('dnsmasq or nft missing (hidden by a mount namespace): the doctor names the program and its package', async () => {
    await define('mb', 'symb0', '192.168.188');
    const notExecutable = join(topo.dirs.root, 'not-a-program');
    writeFileSync(notExecutable, '', { mode: 0o644 });
    // A private mount namespace for the CLI alone: the bind mount is gone when it exits.
    const without = (program: string) =>
      cliRunner(() => topo, {
        wrap: [
          'unshare',
          '--mount',
          '--propagation',
          'private',
          'sh',
          '-c',
          `mount --bind ${notExecutable} ${program} && exec "$@"`,
          'sh',
        ],
      });

    const noDnsmasq = await without('/usr/sbin/dnsmasq').run(['doctor', 'mb', '--json']);
    expect(noDnsmasq.code).toBe(1);
    expect((JSON.parse(noDnsmasq.stdout) as HealthReport).findings).toContainEqual(
      expect.objectContaining({
        id: 'program:/usr/sbin/dnsmasq',
        evidence: ['no executable /usr/sbin/dnsmasq'],
        commands: ['apt-get install dnsmasq-base'],
      }),
    );

    const noNft = await without('/usr/sbin/nft').run(['doctor', 'mb', '--json']);
    expect(noNft.code).toBe(1);
    expect((JSON.parse(noNft.stdout) as HealthReport).findings).toContainEqual(
      expect.objectContaining({
        id: 'program:nft',
        evidence: ['no executable nft on PATH'],
        commands: ['apt-get install nftables'],
      }),
    );

    expect((await doctor(['mb'])).code).toBe(0);
    await cli().ok(['net-undefine', 'mb']);
  });

  it("NetworkManager's keyfile: our entry keeps the bridge unmanaged; a later file replacing the list or our file's loss is named, the loss is fixed", async () => {
    const nmRoot = join(topo.dirs.root, 'NetworkManager');
    const confDir = join(nmRoot, 'conf.d');
    mkdirSync(nmRoot);
    const nm = cliIn(topo, { SWITCHYARD_NM_CONF_DIR: confDir });
    const nmDoctor = async () => {
      const r = await nm.run(['doctor', 'nm', '--json']);
      return { code: r.code, report: JSON.parse(r.stdout) as HealthReport };
    };
    await define('nm', 'synm0', '192.168.189');
    await nm.ok(['net-start', 'nm']);
    const [ours] = readdirSync(confDir);
    expect(readFileSync(join(confDir, ours ?? ''), 'utf8')).toContain(
      'unmanaged-devices+=interface-name:synm0',
    );
    expect((await nmDoctor()).code).toBe(0);

    const admin = join(confDir, 'zz-admin.conf');
    writeFileSync(admin, '[keyfile]\nunmanaged-devices=interface-name:eth9\n');
    const replaced = await nmDoctor();
    expect(replaced.code).toBe(1);
    const undone = replaced.report.findings.find((f) => f.id === 'network-manager:nm');
    expect(undone?.evidence[0]).toBe(`${admin}:2: unmanaged-devices=interface-name:eth9`);
    expect(undone?.repair).toBeUndefined();
    rmSync(admin);

    rmSync(join(confDir, ours ?? ''));
    const lost = await nmDoctor();
    expect(lost.code).toBe(1);
    expect(lost.report.findings.find((f) => f.id === 'network-manager:nm')?.repair).toBe('restore');
    const fixed = await nm.run(['doctor', 'nm', '--fix']);
    expect(fixed.code).toBe(0);
    expect(readFileSync(join(confDir, ours ?? ''), 'utf8')).toContain('interface-name:synm0');

    await nm.ok(['net-destroy', 'nm']);
    expect(readdirSync(confDir)).toEqual([]);
  });

  it("Docker's FORWARD DROP and DOCKER-USER before a NAT network starts: the guest reaches the wan, the wan cannot reach the guest, the stop leaves iptables-save identical", async () => {
    await host('iptables', ['-N', 'DOCKER-USER']);
    await host('iptables', ['-A', 'DOCKER-USER', '-j', 'RETURN']);
    await host('iptables', ['-I', 'FORWARD', '-j', 'DOCKER-USER']);
    await host('iptables', ['-P', 'FORWARD', 'DROP']);
    try {
      const before = await iptablesSave();
      await define('db', 'sydb0', '192.168.190');
      await cli().ok(['net-start', 'db']);
      const [g] = topo.guests as [string];
      await topo.plugGuest(g, 'sydb0');
      const lease = await topo.dhcp(g);
      expect(lease?.ip).toMatch(/^192\.168\.190\./);
      expect(await topo.ping(g, UPLINK_WAN_IP)).toBe(true);
      expect(await topo.ping(topo.wan, lease?.ip ?? '')).toBe(false);
      expect(await doctor(['db'])).toMatchObject({ code: 0, report: { ok: true, findings: [] } });
      expect((await host('iptables', ['-S', 'FORWARD'])).stdout).toContain('-P FORWARD DROP');
      await topo.unplugGuest(g);
      await cli().ok(['net-destroy', 'db']);
      expect(await iptablesSave()).toBe(before);
      await cli().ok(['net-undefine', 'db']);
    } finally {
      await host('iptables', ['-P', 'FORWARD', 'ACCEPT']);
      await host('iptables', ['-D', 'FORWARD', '-j', 'DOCKER-USER']);
      await host('iptables', ['-X', 'DOCKER-USER']);
    }
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
