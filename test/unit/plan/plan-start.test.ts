import { describe, expect, it } from 'vitest';
import {
  type HostOp,
  type Plan,
  planStart,
  START_STEP_IDS,
  type Step,
  type StepId,
} from '../../../core/plan/index.js';
import { ctx, network, noFacts, v4Ip } from './fixtures.js';

function plan(def = network('nat'), facts = noFacts): Plan {
  const r = planStart(def, facts, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const step = (p: Plan, id: StepId): Step => p.steps.find((s) => s.id === id) as Step;
const ipArgs = (ops: HostOp[]): string[] => ops.flatMap((o) => (o.op === 'ip' ? [o.args.join(' ')] : []));

describe('planStart', () => {
  it('orders the steps: intent before the first host change, rules before any port, status last', () => {
    const order = [
      'check',
      'intent',
      'network-manager',
      'bridge',
      'addresses',
      'link-up',
      'routes',
      'ipv6-sysctls',
    ];
    const rules = ['firewall', 'dnsmasq', 'host-firewall', 'isolation', 'forwarding', 'bandwidth'];
    const ports = ['qemu-acl', 'reattach', 'status'];
    expect(plan().steps.map((s) => s.id)).toEqual([...order, ...rules, ...ports]);
    expect(START_STEP_IDS).toEqual(plan().steps.map((s) => s.id));
  });

  it('turns IPv6 on before it adds an IPv6 address, and otherwise sets the sysctls once the link is up', () => {
    const ids = (p: Plan) => p.steps.map((s) => s.id);
    const v4 = ids(plan());
    expect(v4.slice(v4.indexOf('bridge'), v4.indexOf('ipv6-sysctls') + 1)).toEqual([
      'bridge',
      'addresses',
      'link-up',
      'routes',
      'ipv6-sysctls',
    ]);
    const withV6 = network('nat');
    withV6.ips.push({ family: 'ipv6', address: 'fd00:7::1', prefix: 64 });
    const v6 = ids(plan(withV6));
    expect(v6.slice(v6.indexOf('bridge'), v6.indexOf('addresses') + 1)).toEqual([
      'bridge',
      'ipv6-sysctls',
      'addresses',
    ]);
  });

  it('starts dnsmasq while the firewall loads: it needs the address, not the rules', () => {
    const steps = plan().steps;
    expect(step(plan(), 'dnsmasq').withPrevious).toBe(true);
    expect(step(plan(), 'firewall').withPrevious).toBeFalsy();
    expect(steps[steps.findIndex((s) => s.id === 'dnsmasq') - 1]?.id).toBe('firewall');
  });

  it('creates the bridge with MAC, MTU and the STP settings as written', () => {
    const p = plan(network('nat', { mtu: { size: 9000 } }));
    expect(ipArgs(step(p, 'bridge').do)[0]).toBe(
      'link add name virbr7 address 52:54:00:aa:bb:cc mtu 9000 type bridge stp_state 0 forward_delay 0',
    );
    expect(ipArgs(step(p, 'bridge').undo)).toEqual(['link del dev virbr7']);
  });

  it("keeps libvirt's default of STP on when the XML does not say, and converts the delay to centiseconds", () => {
    const p = plan(network('nat', { bridge: { name: 'virbr7', delay: 3 }, mac: undefined }));
    expect(ipArgs(step(p, 'bridge').do)[0]).toBe(
      'link add name virbr7 type bridge stp_state 1 forward_delay 300',
    );
  });

  it('marks the bridge as belonging to this state root with an alias reconcile can find', () => {
    expect(ipArgs(step(plan(), 'bridge').do)[1]).toBe(
      'link set dev virbr7 alias switchyard:0123456789ab:lab',
    );
  });

  it('records its intent before the first host change and removes it after the status', () => {
    const steps = plan().steps;
    expect(steps.map((s) => s.id).slice(0, 4)).toEqual(['check', 'intent', 'network-manager', 'bridge']);
    expect(step(plan(), 'intent').do).toEqual([
      {
        op: 'write-intent',
        intent: { action: 'start', name: 'lab', bridge: 'virbr7', table: 'switchyard_virbr7' },
      },
    ]);
    // A rollback removes the record last, after everything else is undone.
    expect(step(plan(), 'intent').undo).toEqual([{ op: 'remove-intent', name: 'lab' }]);
    expect(step(plan(), 'status').do.map((op) => op.op)).toEqual(['write-status', 'remove-intent']);
  });

  it('disables IPv6 on a bridge without IPv6 and never accepts router advertisements', () => {
    const ops = step(plan(), 'ipv6-sysctls').do;
    expect(ops).toContainEqual({
      op: 'sysctl',
      path: 'net/ipv6/conf/virbr7/disable_ipv6',
      value: '1',
      ifExists: true,
    });
    expect(ops).toContainEqual({
      op: 'sysctl',
      path: 'net/ipv6/conf/virbr7/accept_ra',
      value: '0',
      ifExists: true,
    });
    const v6 = plan(network('nat', { ips: [v4Ip(), { family: 'ipv6', address: 'fd00:1::1', prefix: 64 }] }));
    expect(step(v6, 'ipv6-sysctls').do[0]).toMatchObject({ value: '0' });
  });

  it('loads one nft table and deletes it on undo; open mode has none', () => {
    const fw = step(plan(), 'firewall');
    expect(fw.do[0]).toMatchObject({ op: 'nft' });
    expect(fw.do[0]?.op === 'nft' && fw.do[0].script).toContain('table inet switchyard_virbr7 {');
    expect(fw.undo[0]?.op === 'nft' && fw.undo[0].script).toContain('delete table inet switchyard_virbr7');
    expect(step(plan(network('open')), 'firewall').do).toEqual([]);
  });

  it('adds IPv4 with its broadcast and IPv6 without waiting for DAD', () => {
    const p = plan(
      network('route', { ips: [v4Ip('10.9.8'), { family: 'ipv6', address: 'fd00:1::1', prefix: 64 }] }),
    );
    expect(ipArgs(step(p, 'addresses').do)).toEqual([
      'addr add 10.9.8.1/24 broadcast + dev virbr7',
      'addr add fd00:1::1/64 dev virbr7 nodad',
    ]);
  });

  it('brings the link up, then adds <route>s with metric 1 unless given', () => {
    const def = network('route', {
      routes: [
        { address: '10.20.0.0', prefix: 16, gateway: '192.168.122.2' },
        { address: '10.30.0.0', netmask: '255.255.255.0', gateway: '192.168.122.3', metric: 5 },
      ],
    });
    const p = plan(def);
    expect(ipArgs(step(p, 'link-up').do)).toEqual(['link set dev virbr7 up']);
    expect(ipArgs(step(p, 'routes').do)).toEqual([
      'route add 10.20.0.0/16 via 192.168.122.2 dev virbr7 metric 1',
      'route add 10.30.0.0/24 via 192.168.122.3 dev virbr7 metric 5',
    ]);
  });

  it('turns forwarding on for forwarding modes only, remembering the old value; a rollback puts it back unless needed', () => {
    expect(step(plan(), 'forwarding').do).toEqual([
      { op: 'sysctl', path: 'net/ipv4/ip_forward', value: '1', remember: true },
    ]);
    expect(step(plan(), 'forwarding').undo).toEqual([{ op: 'restore-sysctls' }]);
    expect(step(plan(network('isolated')), 'forwarding').do).toEqual([]);
    expect(step(plan(network('isolated')), 'forwarding').undo).toEqual([]);
    const v6 = plan(network('route', { ips: [{ family: 'ipv6', address: 'fd00:1::1', prefix: 64 }] }));
    expect(step(v6, 'forwarding').do).toEqual([
      { op: 'sysctl', path: 'net/ipv6/conf/all/forwarding', value: '1', remember: true },
    ]);
  });

  it("writes dnsmasq's files, starts it with our conf, and stops it PID-checked on undo", () => {
    const d = step(plan(), 'dnsmasq');
    const written = d.do.flatMap((o) => (o.op === 'write-file' ? [o.path] : []));
    expect(written).toEqual([
      '/var/lib/switchyard/dnsmasq/lab.conf',
      '/var/lib/switchyard/dnsmasq/lab.hostsfile',
      '/var/lib/switchyard/dnsmasq/lab.addnhosts',
    ]);
    const conf = d.do.find((o) => o.op === 'write-file');
    expect(conf?.op === 'write-file' && conf.content).toContain(
      'pid-file=/run/switchyard/networks/lab.pid\n',
    );
    expect(conf?.op === 'write-file' && conf.content).not.toContain('no-ping');
    expect(conf?.op === 'write-file' && conf.content).toContain('user=nobody\n');
    expect(d.do.at(-1)).toEqual({
      op: 'dnsmasq-start',
      binary: '/usr/sbin/dnsmasq',
      args: ['--conf-file=/var/lib/switchyard/dnsmasq/lab.conf'],
      pidFile: '/run/switchyard/networks/lab.pid',
    });
    expect(d.undo[0]).toEqual({
      op: 'dnsmasq-stop',
      pidFile: '/run/switchyard/networks/lab.pid',
      confFile: '/var/lib/switchyard/dnsmasq/lab.conf',
    });
    expect(d.undo.some((o) => o.op === 'remove-file' && o.path.endsWith('.leases'))).toBe(false);
  });

  it('skips the ping before an offer when the XML or the caller asks', () => {
    const confOf = (r: ReturnType<typeof planStart>) => {
      const op = r.ok ? step(r.value, 'dnsmasq').do.find((o) => o.op === 'write-file') : undefined;
      return op?.op === 'write-file' ? op.content : '';
    };
    expect(confOf(planStart(network('nat'), noFacts, { ...ctx, fastOffer: true }))).toContain('\nno-ping\n');
    const xmlSays = network('nat', { dnsmasqOptions: [{ value: 'no-ping' }] });
    expect(confOf(planStart(xmlSays, noFacts, ctx))).toContain('\nno-ping\n');
  });

  it('starts no dnsmasq for a network without addresses', () => {
    const p = plan(network('nat', { ips: [] }));
    expect(step(p, 'dnsmasq').do).toEqual([]);
    expect(step(p, 'status').do[0]).not.toHaveProperty('pidFile');
  });

  it('writes the status last, with the table, and removes it on undo', () => {
    const s = step(plan(), 'status');
    expect(s.do[0]).toMatchObject({
      op: 'write-status',
      status: { name: 'lab', bridge: 'virbr7', table: 'switchyard_virbr7', persistent: true },
      pidFile: '/run/switchyard/networks/lab.pid',
    });
    expect(s.do[0]?.op === 'write-status' && s.do[0].xml).toContain('<name>lab</name>');
    expect(s.undo).toEqual([{ op: 'remove-status', name: 'lab' }]);
    expect(step(plan(network('open')), 'status').do[0]).not.toHaveProperty('status.table');
  });
});

describe('planStart refusals', () => {
  const refuse = (def = network('nat'), facts = noFacts) => {
    const r = planStart(def, facts, ctx);
    return r.ok ? undefined : r.error;
  };

  it('refuses modes Switchyard does not manage', () => {
    expect(refuse(network('bridge'))).toEqual({
      code: 'unsupported',
      network: 'lab',
      message:
        "network 'lab': forward mode 'bridge' is not supported by Switchyard (it manages nat, route, open and isolated networks)",
    });
    expect(refuse(network('hostdev'))?.code).toBe('unsupported');
  });

  it('refuses a definition without a bridge name', () => {
    expect(refuse(network('nat', { bridge: { name: 'virbr%d' } }))?.code).toBe('validation');
    expect(refuse(network('nat', { bridge: undefined }))?.code).toBe('validation');
  });

  it('refuses a bridge name in use', () => {
    expect(refuse(network('nat'), { ...noFacts, links: ['lo', 'virbr7'] })?.message).toBe(
      "network 'lab': bridge name 'virbr7' is already in use by another interface",
    );
    const active = [{ name: 'other', bridge: 'virbr7', subnets: [] }];
    expect(refuse(network('nat'), { ...noFacts, activeNetworks: active })?.message).toBe(
      "network 'lab': bridge name 'virbr7' is already in use by network 'other'",
    );
  });

  it('refuses a subnet an interface uses, exactly or by overlap', () => {
    const def = network('nat', { ips: [v4Ip('10.0.0')] });
    expect(refuse(def, { ...noFacts, routes: [{ cidr: '10.0.0.0/24', dev: 'eth1' }] })).toEqual({
      code: 'conflict',
      network: 'lab',
      message: "network 'lab': 10.0.0.0/24 is already in use by interface eth1",
    });
    expect(refuse(def, { ...noFacts, routes: [{ cidr: '10.0.0.77/32', dev: 'tun0' }] })?.message).toContain(
      'tun0',
    );
    expect(refuse(def, { ...noFacts, routes: [{ cidr: '10.0.0.0/8', dev: 'wg0' }] })?.message).toContain(
      'wg0',
    );
  });

  it('names the network whose bridge carries a colliding subnet', () => {
    const facts = {
      links: ['lo', 'virbr0'],
      routes: [{ cidr: '192.168.122.0/24', dev: 'virbr0' }],
      activeNetworks: [{ name: 'default', bridge: 'virbr0', subnets: [] }],
    };
    expect(refuse(network('nat'), facts)?.message).toBe(
      "network 'lab': 192.168.122.0/24 is already in use by network 'default'",
    );
  });

  it('ignores default, link-local and multicast routes and other families', () => {
    const routes = [
      { cidr: '0.0.0.0/0', dev: 'eth0' },
      { cidr: 'fe80::/64', dev: 'eth0' },
      { cidr: 'ff00::/8', dev: 'eth0' },
      { cidr: '10.1.0.0/24', dev: 'eth0' },
    ];
    const def = network('nat', { ips: [v4Ip(), { family: 'ipv6', address: 'fd00::1', prefix: 64 }] });
    expect(refuse(def, { ...noFacts, routes })).toBeUndefined();
  });
});
