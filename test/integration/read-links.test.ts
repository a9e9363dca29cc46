// The links, addresses and routes that reconcile and the planner see are the same
// whether the native addon reads them over rtnetlink or `ip -json` prints them: a
// namespace with a bridge carrying our alias, a down link, IPv4 and IPv6 addresses, a
// point-to-point address, routes through devices, routes without one, a route in
// another table and a default route, read both ways.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './harness/engine-client.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

const readLinks = fileURLToPath(new URL('../../dist/host/exec/read-links.js', import.meta.url));
const addonModule = fileURLToPath(new URL('../../dist/host/exec/native-addon.js', import.meta.url));

const bothWays = `
const { linkStateOf, readLinkStateWithIp } = await import(${JSON.stringify(readLinks)});
const { nativeAddon } = await import(${JSON.stringify(addonModule)});
const addon = nativeAddon();
if (!addon) throw new Error('native addon not built');
const sorted = (s) => ({
  links: [...s.links].sort((a, b) => a.name.localeCompare(b.name)),
  routes: [...s.routes].sort((a, b) => (a.cidr + a.dev).localeCompare(b.cidr + b.dev)),
});
console.log(JSON.stringify({
  netlink: sorted(linkStateOf(addon.readLinkState())),
  ip: sorted(await readLinkStateWithIp()),
}));
`;

describe.skipIf(skipReason !== undefined)('reading the host links', () => {
  let topo: Topology;

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology();
    const setup = [
      'link add syrl0 type bridge',
      'link set syrl0 alias switchyard:test:rl',
      'addr add 10.77.0.1/24 dev syrl0',
      'addr add fd77::1/64 dev syrl0',
      'link set syrl0 up',
      'link add syrl1 type veth peer name syrl2',
      'addr add 10.78.0.1 peer 10.78.0.2/32 dev syrl1',
      'link set syrl1 up',
      'link set syrl2 up',
      'route add 10.79.0.0/16 dev syrl1',
      'route add 10.79.5.5 dev syrl1',
      'route add blackhole 10.80.0.0/16',
      'route add unreachable fd80::/48',
      'route add 10.81.0.0/16 dev syrl1 table 100',
      'route add default dev syrl1',
    ];
    const r = await topo.runInHost('ip', ['-batch', '-'], { input: `${setup.join('\n')}\n` });
    expect(r.stderr).toBe('');
  });
  afterAll(async () => {
    await topo?.cleanup();
  });

  it('gives the same LinkState over rtnetlink as through ip -json', async () => {
    const r = await topo.runInHost(process.execPath, ['--input-type=module', '-e', bothWays]);
    expect(r.stderr).toBe('');
    const { netlink, ip } = JSON.parse(r.stdout);
    expect(netlink).toEqual(ip);
    expect(netlink.links).toContainEqual({ name: 'syrl0', up: true, alias: 'switchyard:test:rl' });
    expect(netlink.links).toContainEqual({ name: 'syrl2', up: true });
    const cidrs = netlink.routes.map((x: { cidr: string; dev: string }) => `${x.cidr} ${x.dev}`);
    expect(cidrs).toEqual(
      expect.arrayContaining([
        '10.77.0.1/24 syrl0',
        'fd77::1/64 syrl0',
        '10.78.0.1/32 syrl1',
        '10.79.5.5/32 syrl1',
        '10.80.0.0/16 (blackhole)',
      ]),
    );
    expect(cidrs.some((c: string) => c.startsWith('10.81.'))).toBe(false);
  });
});
