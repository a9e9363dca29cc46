// Root's CLI under `umask 077`: the directories and files it creates get their
// modes explicitly, so dnsmasq (running as 'nobody') still re-reads its hosts file
// and a live reservation really takes effect, and normal users can list networks
// and leases.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from './harness/cli-runner.js';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

const MAC = '52:54:00:17:00:0a';

describe.skipIf(skipReason !== undefined)('root under umask 077', () => {
  let topo: Topology;
  // Root with the most restrictive umask a caller could have.
  const { ok: sy077 } = cliRunner(() => topo, { wrap: ['sh', '-c', 'umask 077 && exec "$@"', 'sh'] });
  const mode = (path: string) => statSync(path).mode & 0o777;

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology({ guests: 1 });
  });
  afterAll(async () => {
    await topo?.cleanup();
  });

  it('creates world-readable state, and a live reservation reaches the running dnsmasq', async () => {
    const xml = netXml({ name: 'um', bridge: 'syum0', net: '192.168.177', mode: 'nat', noPing: true });
    await sy077(['net-define', writeXml(topo, 'um', xml)]);
    await sy077(['net-start', 'um']);
    for (const dir of [topo.dirs.config, topo.dirs.run, topo.dirs.state]) expect(mode(dir)).toBe(0o755);
    for (const f of ['um.conf', 'um.hostsfile', 'um.addnhosts'])
      expect(mode(join(topo.dirs.state, f))).toBe(0o644);
    expect(mode(join(topo.dirs.config, 'um.xml'))).toBe(0o644);
    expect(mode(join(topo.dirs.run, 'um.json'))).toBe(0o644);

    const [g] = topo.guests as [string];
    await topo.plugGuest(g, 'syum0', { mac: MAC });
    expect((await topo.dhcp(g))?.ip).toMatch(/^192\.168\.177\./);
    expect(mode(join(topo.dirs.state, 'um.leases'))).toBe(0o644);
    // Reserve an address outside what the guest has: only a re-read hosts file gives it.
    await sy077([
      'net-update',
      'um',
      'add',
      'ip-dhcp-host',
      `<host mac='${MAC}' ip='192.168.177.5'/>`,
      '--live',
    ]);
    expect(mode(join(topo.dirs.state, 'um.hostsfile'))).toBe(0o644);
    await topo.unplugGuest(g);
    await topo.plugGuest(g, 'syum0', { mac: MAC });
    expect((await topo.dhcp(g))?.ip).toBe('192.168.177.5');
    await sy077(['net-destroy', 'um']);
  });
});
