// The reachability table of each mode (README, "Modes"), asserted with real packets between namespaces:
// NAT guests reach out but cannot be reached, routed guests are reachable once the
// outside has a route, isolated guests see each other and the host only, and
// <forward dev='X'> keeps guests off every other uplink.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, ensureBuilt, writeXml } from './harness/engine-client.js';
import { EMPTY, snapshot } from './harness/inspect.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology, UPLINK_HOST_IP, UPLINK_WAN_IP } from './harness/topology.js';
import type { Lease } from './harness/udhcpc-script.js';

describe.skipIf(skipReason !== undefined)('reachability', () => {
  let topo: Topology;
  const leases = new Map<string, Lease>();
  let g: { nat: string; rt: string; iso1: string; iso2: string; dev: string };
  let wan2 = '';

  const start = async (o: Parameters<typeof netXml>[0]) => {
    // no-ping as on the networks Switchyard creates: with dnsmasq's ping check two
    // guests asking at once can wait ~3 s each, longer than udhcpc's tries.
    const r = await engine(topo, ['start', writeXml(topo, o.name, netXml({ noPing: true, ...o }))]);
    if (!r.ok) throw new Error(`start ${o.name}: ${r.error?.message}`);
  };
  const plugAndLease = async (guest: string, bridge: string) => {
    await topo.plugGuest(guest, bridge);
    const lease = await topo.dhcp(guest);
    if (!lease) throw new Error(`${guest} got no lease on ${bridge}`);
    leases.set(guest, lease);
  };
  const ipOf = (guest: string) => leases.get(guest)?.ip ?? '';

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology({ guests: 5 });
    const [nat, rt, iso1, iso2, dev] = topo.guests as [string, string, string, string, string];
    g = { nat, rt, iso1, iso2, dev };
    wan2 = await topo.addWan('wan2', 'uplink2', '198.51.100.1', '198.51.100.2');
    await start({ name: 'nat', bridge: 'synat', net: '192.168.100', mode: 'nat' });
    await start({ name: 'routed', bridge: 'syrt', net: '192.168.101', mode: 'route' });
    await start({ name: 'iso', bridge: 'syiso', net: '192.168.102', mode: 'isolated' });
    await start({ name: 'natdev', bridge: 'sydev', net: '192.168.103', mode: 'nat', dev: 'uplink' });
    await Promise.all([
      plugAndLease(nat, 'synat'),
      plugAndLease(rt, 'syrt'),
      plugAndLease(iso1, 'syiso'),
      plugAndLease(iso2, 'syiso'),
      plugAndLease(dev, 'sydev'),
    ]);
    // The outside knows the way to every guest subnet, so only the firewall decides.
    for (const net of ['192.168.100.0/24', '192.168.101.0/24', '192.168.102.0/24', '192.168.103.0/24']) {
      await topo.runIn(topo.wan, 'ip', ['route', 'add', net, 'via', UPLINK_HOST_IP]);
      await topo.runIn(wan2, 'ip', ['route', 'add', net, 'via', '198.51.100.1']);
    }
  });
  afterAll(async () => {
    await topo?.cleanup();
  });

  it('NAT guest reaches the wan, masqueraded behind the uplink address', async () => {
    expect(await topo.ping(g.nat, UPLINK_WAN_IP)).toBe(true);
    const conntrack = await topo.runInHost('cat', ['/proc/net/nf_conntrack']);
    // Where conntrack is readable, the reply goes to the host's uplink address.
    if (conntrack.code === 0 && conntrack.stdout.includes(ipOf(g.nat))) {
      expect(conntrack.stdout).toContain(`dst=${UPLINK_HOST_IP}`);
    }
  });

  it('the wan cannot open a connection to a NAT guest', async () => {
    expect(await topo.ping(topo.wan, ipOf(g.nat))).toBe(false);
  });

  it('routed guest reaches the wan and the wan reaches it', async () => {
    expect(await topo.ping(g.rt, UPLINK_WAN_IP)).toBe(true);
    expect(await topo.ping(topo.wan, ipOf(g.rt))).toBe(true);
  });

  it('isolated guests reach each other and the host, not the wan, and the wan not them', async () => {
    expect(await topo.ping(g.iso1, ipOf(g.iso2))).toBe(true);
    expect(await topo.ping(g.iso1, '192.168.102.1')).toBe(true);
    expect(await topo.ping(topo.host, ipOf(g.iso1))).toBe(true);
    expect(leases.get(g.iso1)?.router).toBeUndefined();
    // Even with a default route of its own the guest's packets are not forwarded.
    await topo.runIn(g.iso1, 'ip', ['route', 'add', 'default', 'via', '192.168.102.1']);
    expect(await topo.ping(g.iso1, UPLINK_WAN_IP)).toBe(false);
    expect(await topo.ping(topo.wan, ipOf(g.iso1))).toBe(false);
  });

  it('guests of different networks do not cross: NAT and routed guests cannot reach the isolated one', async () => {
    expect(await topo.ping(g.nat, ipOf(g.iso1))).toBe(false);
    expect(await topo.ping(g.rt, ipOf(g.iso1))).toBe(false);
  });

  it('as under libvirt, a NAT guest reaches a routed guest but not the other way round', async () => {
    expect(await topo.ping(g.nat, ipOf(g.rt))).toBe(true);
    expect(await topo.ping(g.rt, ipOf(g.nat))).toBe(false);
  });

  it("<forward dev='uplink'> reaches the wan through uplink only", async () => {
    expect(await topo.ping(g.dev, UPLINK_WAN_IP)).toBe(true);
    expect(await topo.ping(g.dev, '198.51.100.2')).toBe(false);
    // Without dev= the NAT network may use either uplink.
    expect(await topo.ping(g.nat, '198.51.100.2')).toBe(true);
  });

  it('stopping every network leaves nothing behind', async () => {
    for (const guest of topo.guests) await topo.unplugGuest(guest);
    for (const name of ['nat', 'routed', 'iso', 'natdev']) {
      const r = await engine(topo, ['stop', name]);
      expect(r.error).toBeUndefined();
    }
    expect(await snapshot(topo)).toEqual(EMPTY);
  });
});
