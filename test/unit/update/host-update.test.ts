// net-update against private state directories: which copies change, and that a
// refused update writes nothing. (Signalling a real dnsmasq is in the integration
// test test/integration/reservation.test.ts.)
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatNetworkXml } from '../../../core/xml/format-network.js';
import { parseNetworkXml } from '../../../core/xml/parse-network.js';
import { reserveLease } from '../../../host/live-update/reserve-lease.js';
import { checkStartable } from '../../../host/live-update/start-files.js';
import { updateNetwork } from '../../../host/live-update/update-network.js';
import { dnsmasqFilePath, type HostPaths, hostPaths } from '../../../host/paths.js';
import * as store from '../../../host/state/state-store.js';

const XML = `<network>
  <name>lab</name>
  <uuid>0b3f3c7a-6d1e-4c57-9a43-0d4f3c1b2a10</uuid>
  <forward mode='nat'/>
  <bridge name='sybr0' stp='on' delay='0'/>
  <mac address='52:54:00:12:34:56'/>
  <ip address='10.77.0.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='10.77.0.100' end='10.77.0.200'/>
    </dhcp>
  </ip>
</network>
`;

const HOST = "<host mac='52:54:00:aa:bb:01' name='guest1' ip='10.77.0.150'/>";
const add = { command: 'add', section: 'ip-dhcp-host', xml: HOST } as const;

let root: string;
let paths: HostPaths;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sy-update-'));
  paths = hostPaths({
    SWITCHYARD_CONFIG_DIR: join(root, 'etc'),
    SWITCHYARD_RUN_DIR: join(root, 'run'),
    SWITCHYARD_STATE_DIR: join(root, 'lib'),
  });
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

function define(): void {
  store.writeDefinitionXml(paths, 'lab', XML);
}

function activate(dnsmasqPid?: number): void {
  const parsed = parseNetworkXml(XML);
  if (!parsed.ok) throw new Error(parsed.error.message);
  store.writeActive(paths, 'lab', {
    xml: formatNetworkXml(parsed.value),
    status: {
      name: 'lab',
      uuid: parsed.value.uuid ?? '',
      bridge: 'sybr0',
      persistent: true,
      startedAt: new Date(0).toISOString(),
      ...(dnsmasqPid === undefined ? {} : { dnsmasqPid }),
    },
  });
}

const savedXml = () => store.readDefinitionXml(paths, 'lab') ?? '';
const liveXml = () => store.readActive(paths, 'lab')?.xml ?? '';

describe('net-update on the host', () => {
  it('changes the saved definition of an inactive network by default (--current)', async () => {
    define();
    expect(await updateNetwork(paths, 'lab', add)).toEqual({ name: 'lab', live: false, config: true });
    expect(savedXml()).toContain(HOST);
  });

  it('refuses --live on an inactive network and --config on a transient one', async () => {
    define();
    await expect(updateNetwork(paths, 'lab', add, { live: true })).rejects.toThrow(
      'Failed to update network lab: Requested operation is not valid: network is not running',
    );
    rmSync(join(root, 'etc'), { recursive: true });
    activate();
    await expect(updateNetwork(paths, 'lab', add, { config: true })).rejects.toThrow(
      'Requested operation is not valid: cannot change persistent config of a transient network',
    );
    await expect(updateNetwork(paths, 'nope', add)).rejects.toThrow(
      "Network not found: no network with matching name 'nope'",
    );
  });

  it('changes the live copy and rewrites the hosts file of a running network (no dnsmasq to signal here)', async () => {
    define();
    activate();
    const before = savedXml();
    expect(await updateNetwork(paths, 'lab', add)).toEqual({ name: 'lab', live: true, config: false });
    expect(liveXml()).toContain(HOST);
    expect(savedXml()).toBe(before);
    expect(readFileSync(dnsmasqFilePath(paths, 'lab', 'hostsfile'), 'utf8')).toBe(
      '52:54:00:aa:bb:01,10.77.0.150,guest1\n',
    );
  });

  it('updates both with --live --config', async () => {
    define();
    activate();
    expect(await updateNetwork(paths, 'lab', add, { live: true, config: true })).toMatchObject({
      live: true,
      config: true,
    });
    expect(liveXml()).toContain(HOST);
    expect(savedXml()).toContain(HOST);
  });

  it('applies a range live by rewriting the configuration (no dnsmasq recorded: nothing to restart)', async () => {
    define();
    activate();
    const range = {
      command: 'add',
      section: 'ip-dhcp-range',
      xml: "<range start='10.77.0.20' end='10.77.0.30'/>",
    } as const;
    expect(await updateNetwork(paths, 'lab', range, { live: true, config: true })).toEqual({
      name: 'lab',
      live: true,
      config: true,
    });
    expect(liveXml()).toContain("<range start='10.77.0.20' end='10.77.0.30'/>");
    expect(readFileSync(dnsmasqFilePath(paths, 'lab', 'conf'), 'utf8')).toContain(
      'dhcp-range=10.77.0.20,10.77.0.30,255.255.255.0',
    );
  });

  it('is a transaction: an update no start could write changes nothing, saved or live', async () => {
    define();
    activate();
    const bad = {
      command: 'add',
      section: 'dns-host',
      xml: "<host ip='10.77.0.9'><hostname>ok&#10;x</hostname></host>",
    } as const;
    const live = liveXml();
    await expect(updateNetwork(paths, 'lab', bad, { live: true, config: true })).rejects.toThrow(
      /network 'lab'/,
    );
    expect(savedXml()).toBe(XML);
    expect(liveXml()).toBe(live);
    expect(existsSync(dnsmasqFilePath(paths, 'lab', 'addnhosts'))).toBe(false);
    // The saved copy alone is checked the same way.
    await expect(updateNetwork(paths, 'lab', bad, { config: true })).rejects.toThrow(/network 'lab'/);
    expect(savedXml()).toBe(XML);
  });

  it('checks a saved copy by generating every file a start would write', () => {
    const parsed = parseNetworkXml(XML);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const def = {
      ...parsed.value,
      dns: { forwarders: [], txts: [], srvs: [], hosts: [{ ip: '10.77.0.9', hostnames: ['ok\nx'] }] },
    };
    expect(() => checkStartable(paths, def)).toThrow(
      'network \'lab\': dnsmasq config: dns hostname "ok\\nx" contains a control character',
    );
    expect(() => checkStartable(paths, parsed.value)).not.toThrow();
  });

  it('will not signal a PID that is not this network’s dnsmasq, and writes nothing', async () => {
    define();
    activate(process.pid);
    await expect(updateNetwork(paths, 'lab', add, { live: true, config: true })).rejects.toThrow(
      `network 'lab': its dnsmasq (pid ${process.pid}) is not running`,
    );
    expect(liveXml()).not.toContain(HOST);
    expect(savedXml()).toBe(XML);
  });

  it('holds the whole result to the definition rules', async () => {
    define();
    const outside = { ...add, xml: "<host mac='52:54:00:aa:bb:01' ip='10.1.2.3'/>" };
    await expect(updateNetwork(paths, 'lab', outside)).rejects.toThrow('is not within 10.77.0.0/24');
  });
});

describe('reserve a lease', () => {
  it('adds the host to the running network and the saved definition', async () => {
    define();
    activate();
    const out = await reserveLease(paths, 'lab', {
      mac: '52:54:00:aa:bb:02',
      ip: '10.77.0.120',
      hostname: 'vm2',
    });
    expect(out).toMatchObject({ live: true, config: true });
    expect(liveXml()).toContain("<host mac='52:54:00:aa:bb:02' name='vm2' ip='10.77.0.120'/>");
    expect(savedXml()).toContain("<host mac='52:54:00:aa:bb:02' name='vm2' ip='10.77.0.120'/>");
  });

  it('drops a hostname another reservation already has, and refuses IPv6 leases', async () => {
    define();
    await reserveLease(paths, 'lab', { mac: '52:54:00:aa:bb:02', ip: '10.77.0.120', hostname: 'debian' });
    await reserveLease(paths, 'lab', { mac: '52:54:00:aa:bb:03', ip: '10.77.0.121', hostname: 'debian' });
    expect(savedXml()).toContain("<host mac='52:54:00:aa:bb:03' ip='10.77.0.121'/>");
    await expect(reserveLease(paths, 'lab', { mac: '52:54:00:aa:bb:04', ip: 'fd00::5' })).rejects.toThrow(
      'only IPv4 leases',
    );
  });
});
