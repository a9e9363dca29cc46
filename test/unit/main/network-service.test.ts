import { afterEach, describe, expect, it } from 'vitest';
import { NetworkService } from '../../../main/services/network-service.js';
import { pollUntil } from '../../support/poll-until.js';
import { type Fixture, labXml, makeFixture } from './service-fixture.js';

let fx: Fixture;
let service: NetworkService;

function open(): NetworkService {
  fx = makeFixture();
  service = new NetworkService({
    paths: fx.paths,
    control: fx.control,
    readLinks: async () => ({
      links: [
        { name: 'lo', up: true },
        { name: 'eth0', up: true },
      ],
      routes: [
        { cidr: '127.0.0.1/8', dev: 'lo' },
        { cidr: '10.0.2.15/24', dev: 'eth0' },
      ],
    }),
    readInterfaces: async () => [
      { name: 'lo', kind: 'loopback', physical: false, state: 'unknown' },
      { name: 'eth0', kind: 'ethernet', physical: true, state: 'up', speed: 1000, defaultRoute: true },
      { name: 'virbr50', kind: 'bridge', physical: false, state: 'up' },
      { name: 'vnet0', kind: 'virtual', physical: false, state: 'up', master: 'virbr50' },
      { name: 'br0', kind: 'bridge', physical: false, state: 'up' },
    ],
  });
  return service;
}

afterEach(() => {
  service?.close();
  fx?.cleanup();
});

describe('network service', () => {
  it('lists saved networks from the state files', () => {
    open();
    fx.writeDefinition('lab', labXml('lab'));
    expect(service.list()).toEqual([
      {
        name: 'lab',
        uuid: '3e3fce45-4f53-4fa7-bb32-11f34168b850',
        active: false,
        persistent: true,
        autostart: false,
        mode: 'nat',
        bridge: 'virbr50',
        ipv4: '192.168.50.0/24',
        ipv6: undefined,
        uplink: undefined,
        leaseCount: 0,
        portCount: 0,
        userAttach: false,
        pendingChanges: false,
        xmlDigest: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    ]);
    expect(service.xml('lab')).toEqual({ saved: labXml('lab') });
  });

  it('gives each row a digest that moves with its XML, also where no column does', () => {
    open();
    fx.writeDefinition('lab', labXml('lab'));
    const before = service.list()[0]?.xmlDigest;
    fx.writeDefinition(
      'lab',
      labXml('lab').replace('</dhcp>', "  <host mac='52:54:00:00:00:01' ip='192.168.50.9'/>\n    </dhcp>"),
    );
    const after = service.list()[0];
    expect(after?.ipv4).toBe('192.168.50.0/24');
    expect(after?.xmlDigest).not.toBe(before);
  });

  it('reports host interfaces and their subnets, without loopback', async () => {
    open();
    fx.writeDefinition('lab', labXml('lab'));
    expect(await service.hostFacts()).toEqual({
      interfaces: [{ name: 'eth0', up: true }],
      // No loopback, no bridge port, not our own bridge virbr50; a host bridge may be an uplink.
      uplinks: [
        { name: 'eth0', kind: 'ethernet', physical: true, state: 'up', speed: 1000, defaultRoute: true },
        { name: 'br0', kind: 'bridge', physical: false, state: 'up' },
      ],
      subnetsInUse: [{ cidr: '10.0.2.15/24', dev: 'eth0' }],
    });
  });

  it('sends changes through the control', async () => {
    open();
    await service.start('lab');
    await service.setAutostart('lab', true);
    await service.stop('lab');
    await service.undefine('lab');
    expect(fx.calls).toEqual(['start lab', 'autostart lab true', 'destroy lab', 'undefine lab']);
  });

  it("asks the control for the doctor's report and sends one repair at a time", async () => {
    open();
    expect((await service.doctor()).ok).toBe(true);
    await service.repair('restore');
    expect(fx.calls).toEqual(['doctor ', 'repair restore']);
  });

  it('sends each workflow to the control as one call', async () => {
    open();
    await service.defineAndStart(labXml('wf', 61), { autostart: true, start: true });
    await service.restart('wf');
    await service.applyFix('wf', { kind: 'auto-bridge' });
    await service.remove('wf');
    expect(fx.calls).toEqual([
      'defineAndStart wf autostart=true start=true',
      'restart wf',
      'applyFix wf auto-bridge',
      'remove wf',
    ]);
  });

  it('pushes the list when someone else changes the config dir (the CLI in a terminal)', async () => {
    open();
    const seen: string[][] = [];
    const stop = service.subscribe((rows) => seen.push(rows.map((r) => r.name)));
    // The first push (the empty list) comes once the watch is in place; anything pushed
    // later can only come from the watch seeing the CLI's file.
    await pollUntil('the first push', () => seen.length >= 1);
    expect(seen).toEqual([[]]);
    fx.writeDefinition('fromcli', labXml('fromcli', 60));
    await pollUntil('a push with the network the CLI wrote', () => seen.some((s) => s.includes('fromcli')));
    expect(seen.at(-1)).toEqual(['fromcli']);
    stop();
  });

  it('pushes right after its own change and only when the list differs', async () => {
    open();
    const seen: number[] = [];
    service.subscribe((rows) => seen.push(rows.length));
    await service.define(labXml('a', 70));
    expect(seen).toEqual([1]);
    service.publish();
    expect(seen).toEqual([1]);
  });
});
