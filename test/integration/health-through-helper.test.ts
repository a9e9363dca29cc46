// The doctor on the app's path: the Health view's channels (health.check,
// health.repair) dispatched by main's handlers to a NetworkService whose control is
// the real root helper (run directly as root in the test's namespace; no pkexec), as
// in the app of a normal user. The findings are the root CLI's, the repair makes
// everything hold, and the app's watcher, left running, puts our accepts back by
// itself when Docker rebuilds its FORWARD chain after the network started.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthNews, HealthReportData } from '../../contract/ipc.js';
import type { HealthReport } from '../../host/doctor/index.js';
import { readLinkState } from '../../host/exec/read-links.js';
import type { HelperClient } from '../../host/helper-client/index.js';
import { hostPaths } from '../../host/paths.js';
import { listActiveNames } from '../../host/state/state-store.js';
import { StatsSampler } from '../../host/stats/index.js';
import { dispatch } from '../../main/ipc/dispatch.js';
import { openWindow } from '../../main/ipc/handlers.js';
import type { AppServices } from '../../main/services/app-services.js';
import { HealthWatch } from '../../main/services/health-watch.js';
import { NetworkService } from '../../main/services/network-service.js';
import { TerminalService } from '../../main/services/terminal-service.js';
import { pollUntil } from '../support/poll-until.js';
import { helperInNamespace } from './fixtures/helper-in-namespace.js';
import { cliIn } from './harness/cli-runner.js';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology, UPLINK_WAN_IP } from './harness/topology.js';

describe.skipIf(skipReason !== undefined)('the doctor through the helper, as the app asks it', () => {
  let topo: Topology;
  let client: HelperClient;
  let network: NetworkService;
  const host = (cmd: string, args: string[]) => topo.runInHost(cmd, args);
  const cli = () => cliIn(topo);
  const app = (health?: HealthWatch): AppServices => ({
    network,
    sampler: new StatsSampler(),
    terminal: new TerminalService({
      enabled: false,
      binDir: '/nonexistent',
      spawn: () => {
        throw new Error('no terminal in this test');
      },
    }),
    ...(health ? { health } : {}),
  });
  const ask = async (
    handlers: ReturnType<typeof openWindow>['handlers'],
    channel: string,
    input: unknown,
  ) => {
    const reply = await dispatch(handlers, channel, input);
    if (!reply.ok) throw new Error(`${channel}: ${reply.error.message}`);
    return reply.value as HealthReportData;
  };
  const rootDoctor = async () => {
    const r = await cli().run(['doctor', '--json']);
    return { code: r.code, report: JSON.parse(r.stdout) as HealthReport };
  };
  const dockerForward = async () => {
    await host('iptables', ['-N', 'DOCKER-USER']);
    await host('iptables', ['-A', 'DOCKER-USER', '-j', 'RETURN']);
    await host('iptables', ['-I', 'FORWARD', '-j', 'DOCKER-USER']);
    await host('iptables', ['-P', 'FORWARD', 'DROP']);
  };

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology({ guests: 1 });
    client = helperInNamespace(topo);
    network = new NetworkService({
      paths: hostPaths(topo.env),
      control: client,
      readLinks: readLinkState,
      readInterfaces: async () => [],
    });
    await cli().ok([
      'net-define',
      writeXml(
        topo,
        'hh',
        netXml({ name: 'hh', bridge: 'syhh0', net: '192.168.191', mode: 'nat', noPing: true }),
      ),
    ]);
    await cli().ok(['net-start', 'hh']);
    const [g] = topo.guests as [string];
    await topo.plugGuest(g, 'syhh0');
    expect((await topo.dhcp(g))?.ip).toMatch(/^192\.168\.191\./);
  });
  afterAll(async () => {
    network?.close();
    await client?.close();
    await topo?.cleanup();
  });

  it('health.check through the helper finds what the root CLI finds, and health.repair makes everything hold', async () => {
    const win = openWindow(app(), () => {});
    try {
      const healthy = await ask(win.handlers, 'health.check', {});
      expect(healthy).toMatchObject({ ok: true, complete: true, findings: [] });

      await dockerForward();
      expect(await topo.ping(topo.guests[0] as string, UPLINK_WAN_IP)).toBe(false);
      const viaHelper = await ask(win.handlers, 'health.check', {});
      const viaRoot = await rootDoctor();
      expect(viaRoot.code).toBe(1);
      expect(viaHelper).toEqual(viaRoot.report);
      expect(viaHelper.findings.map((f) => f.id)).toEqual(['host-chain:hh:ipv4:FORWARD']);

      const repaired = await ask(win.handlers, 'health.repair', { action: 'restore' });
      expect(repaired).toMatchObject({ ok: true, findings: [] });
      expect((await rootDoctor()).code).toBe(0);
      expect(await topo.ping(topo.guests[0] as string, UPLINK_WAN_IP)).toBe(true);
    } finally {
      win.close();
    }
  });

  it('the watcher puts our accepts back when Docker rebuilds FORWARD later, and tells the window what it fixed', async () => {
    const news: HealthNews[] = [];
    const watch = new HealthWatch({
      doctor: () => client.doctor(),
      repair: (actions) => client.repair(actions),
      activeNetworks: () => listActiveNames(hostPaths(topo.env)).length,
      helperState: () => client.status.state,
      intervalMs: 200,
    });
    const win = openWindow(app(watch), (event, payload) => {
      if (event === 'health.changed') news.push(payload as HealthNews);
    });
    try {
      await pollUntil('the first report', () => news.length > 0);
      expect(news[0]?.report.ok).toBe(true);
      // Docker's restart: it flushes FORWARD and puts only its own jump back.
      await host('iptables', ['-F', 'FORWARD']);
      await host('iptables', ['-A', 'FORWARD', '-j', 'DOCKER-USER']);
      const fixed = await pollUntil(
        'the watcher to repair the FORWARD chain',
        () => news.find((n) => n.repaired.length > 0),
        { timeoutMs: 20_000 },
      );
      expect(fixed.repaired.map((f) => f.id)).toEqual(['host-chain:hh:ipv4:FORWARD']);
      expect(fixed.report).toMatchObject({ ok: true, findings: [] });
      expect((await host('iptables', ['-S', 'FORWARD'])).stdout).toMatch(/-A FORWARD .*switchyard/);
      expect(await topo.ping(topo.guests[0] as string, UPLINK_WAN_IP)).toBe(true);
    } finally {
      win.close();
      watch.close();
    }
    await topo.unplugGuest(topo.guests[0] as string);
    await cli().ok(['net-destroy', 'hh']);
    expect((await host('iptables', ['-S', 'FORWARD'])).stdout).toBe(
      '-P FORWARD DROP\n-A FORWARD -j DOCKER-USER\n',
    );
  });
});
