import { describe, expect, it } from 'vitest';
import { withUnprivilegedAttach } from '../../../core/guests/index.js';
import {
  formatPlan,
  type HostFacts,
  ifbNameFor,
  type Plan,
  planJson,
  planStart,
  planStop,
  type StepId,
} from '../../../core/plan/index.js';
import { ctx, network, noFacts, stopCtx } from './fixtures.js';

const withKernel = (bridgeMeta: boolean, brNetfilter: boolean): HostFacts => ({
  ...noFacts,
  kernel: { bridgeMeta, brNetfilter },
});

function plan(def = network('nat'), facts = noFacts): Plan {
  const r = planStart(def, facts, ctx);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const of = (p: Plan, id: StepId) => p.steps.find((s) => s.id === id);
const isolated = network('nat', { port: { isolated: 'yes' } });

describe("<port isolated='yes'>", () => {
  it("drops every frame the bridge forwards between its ports, with nftables' bridge meta", () => {
    const step = of(plan(isolated, withKernel(true, true)), 'isolation');
    expect(step?.do).toEqual([
      {
        op: 'nft',
        script:
          'table bridge syiso_virbr7 {\n  chain forward {\n    type filter hook forward priority 0; policy accept;\n    meta ibrname "virbr7" drop\n  }\n}\n',
      },
    ]);
    expect(step?.undo).toEqual([{ op: 'nft', script: 'delete table bridge syiso_virbr7\n', absentOk: true }]);
  });

  it('uses bridge netfilter where the kernel lacks bridge meta: the bridged IP traffic of this bridge, dropped', () => {
    const step = of(plan(isolated, withKernel(false, true)), 'isolation');
    expect(step?.do[0]).toEqual({
      op: 'ip',
      args: [
        'link',
        'set',
        'dev',
        'virbr7',
        'type',
        'bridge',
        'nf_call_iptables',
        '1',
        'nf_call_ip6tables',
        '1',
      ],
    });
    expect(step?.do[1]).toMatchObject({ op: 'nft' });
    expect(step?.do[1]?.op === 'nft' && step.do[1].script).toContain(
      'table inet syiso_virbr7 {\n  chain forward {\n    type filter hook forward priority 0; policy accept;\n    iifname "virbr7" oifname "virbr7" drop\n',
    );
  });

  it('refuses to start, changing nothing, on a kernel with neither', () => {
    const r = planStart(isolated, withKernel(false, false), ctx);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'unsupported',
        network: 'lab',
        message:
          "network 'lab': <port isolated='yes'/> needs nftables' bridge meta (module nft_meta_bridge) or bridge netfilter (module br_netfilter), and this kernel has neither",
      },
    });
  });

  it('records the table in the intent and the status, so a stop and reconcile remove it', () => {
    const p = plan(isolated, withKernel(true, false));
    const intent = of(p, 'intent')?.do[0];
    expect(intent?.op === 'write-intent' && intent.intent.guests).toEqual({
      isolationTable: 'bridge syiso_virbr7',
    });
    const status = of(p, 'status')?.do[0];
    expect(status?.op === 'write-status' && status.status.guests).toEqual({
      isolationTable: 'bridge syiso_virbr7',
    });
    expect(planJson(p).isolation).toContain('meta ibrname "virbr7" drop');
  });

  it('is an empty step without the element', () => {
    expect(of(plan(), 'isolation')).toMatchObject({ do: [], undo: [] });
  });
});

describe('<bandwidth>', () => {
  const shaped = network('nat', {
    bandwidth: { inbound: { average: 1000, peak: 2000, burst: 64 }, outbound: { average: 500 } },
  });
  const ifb = ifbNameFor('virbr7');

  it('names the IFB after the bridge, within IFNAMSIZ for any bridge name', () => {
    expect(ifb).toMatch(/^syifb[0-9a-f]{8}$/);
    expect(ifbNameFor('virbr7')).toBe(ifb);
    expect(ifbNameFor('virbr8')).not.toBe(ifb);
    expect(ifbNameFor('a-fifteen-chars').length).toBeLessThanOrEqual(15);
  });

  it('shapes inbound on the bridge as libvirt does (HTB 1:1 for the network, 1:2 for the guests) and outbound on an IFB', () => {
    const p = plan(shaped);
    expect(planJson(p).tc).toEqual([
      'tc qdisc add dev virbr7 root handle 1: htb default 2',
      'tc class add dev virbr7 parent 1: classid 1:1 htb rate 1000kbps ceil 2000kbps quantum 100000',
      'tc class add dev virbr7 parent 1:1 classid 1:2 htb rate 1000kbps ceil 2000kbps burst 64kb quantum 100000',
      'tc qdisc add dev virbr7 handle ffff: ingress',
      `tc filter add dev virbr7 parent ffff: protocol all u32 match u32 0 0 action mirred egress redirect dev ${ifb}`,
      `tc qdisc add dev ${ifb} root handle 1: htb default 1`,
      `tc class add dev ${ifb} parent 1: classid 1:1 htb rate 500kbps ceil 500kbps burst 500kb quantum 50000`,
    ]);
    const step = of(p, 'bandwidth');
    expect(step?.title).toBe(
      `limit inbound 1000 KB/s (peak 2000, burst 64 KB), outbound 500 KB/s via ${ifb} on virbr7`,
    );
    // The IFB carries the network's alias, so reconcile can tell an orphan of ours.
    expect(step?.do).toContainEqual({
      op: 'ip',
      args: ['link', 'set', 'dev', ifb, 'alias', 'switchyard:0123456789ab:lab'],
    });
    expect(step?.undo).toEqual([
      { op: 'ip', args: ['link', 'del', 'dev', ifb], absentOk: true },
      { op: 'tc', args: ['qdisc', 'del', 'dev', 'virbr7', 'ingress'], absentOk: true },
      { op: 'tc', args: ['qdisc', 'del', 'dev', 'virbr7', 'root'], absentOk: true },
    ]);
    expect(formatPlan(p)).toContain('      tc qdisc add dev virbr7 root handle 1: htb default 2\n');
  });

  it('keeps HTB quantum between one frame and 200000 bytes', () => {
    const tiny = planJson(plan(network('nat', { bandwidth: { inbound: { average: 8 } } }))).tc;
    expect(tiny[1]).toContain('quantum 1514');
    const huge = planJson(plan(network('nat', { bandwidth: { inbound: { average: 10_000_000 } } }))).tc;
    expect(huge[1]).toContain('quantum 200000');
  });

  it('refuses when the IFB name is taken by an interface that is not ours', () => {
    const r = planStart(shaped, { ...noFacts, links: [...noFacts.links, ifb] }, ctx);
    expect(r.ok === false && r.error).toEqual({
      code: 'conflict',
      network: 'lab',
      message: `network 'lab': <bandwidth><outbound> needs interface ${ifb}, which already exists`,
    });
  });
});

describe('the guests already on the network', () => {
  const ports = [
    { name: 'vnet3', mac: 'fe:54:00:00:00:03', isolated: true },
    { name: 'tap0', mac: 'fe:a4:91:26:53:4b', isolated: false },
  ];

  it('plugs the ports of the last stop back in, each on its own command that tolerates its absence', () => {
    const step = of(plan(network('nat'), { ...noFacts, formerPorts: ports }), 'reattach');
    expect(step?.do).toEqual([
      { op: 'ip', args: ['link', 'set', 'dev', 'vnet3', 'master', 'virbr7', 'up'], absentOk: true },
      {
        op: 'ip',
        args: ['link', 'set', 'dev', 'vnet3', 'type', 'bridge_slave', 'isolated', 'on'],
        absentOk: true,
      },
      { op: 'ip', args: ['link', 'set', 'dev', 'tap0', 'master', 'virbr7', 'up'], absentOk: true },
    ]);
    expect(step?.title).toBe('re-attach 2 former port(s) (vnet3, tap0)');
  });

  it("isolates every re-attached port of a network with <port isolated='yes'/>", () => {
    const step = of(plan(isolated, { ...withKernel(true, false), formerPorts: [ports[1]!] }), 'reattach');
    expect(step?.do.map((op) => op.op === 'ip' && op.args.join(' '))).toEqual([
      'link set dev tap0 master virbr7 up',
      'link set dev tap0 type bridge_slave isolated on',
    ]);
  });

  it('adds the access list line for unprivileged users, after dnsmasq, and takes it back on undo', () => {
    const p = plan(withUnprivilegedAttach(network('nat'), true));
    const acl = { file: '/etc/qemu/switchyard.conf', bridgeConf: '/etc/qemu/bridge.conf' };
    expect(of(p, 'qemu-acl')).toMatchObject({
      do: [{ op: 'qemu-acl', bridge: 'virbr7', allow: true, ...acl }],
      undo: [{ op: 'qemu-acl', bridge: 'virbr7', allow: false, ...acl }],
    });
    const status = of(p, 'status')?.do[0];
    expect(status?.op === 'write-status' && status.status.guests).toEqual({ qemuAcl: acl.file });
    expect(of(plan(), 'qemu-acl')?.do).toEqual([]);
  });
});

describe('stopping a network with guests', () => {
  const guests = {
    isolationTable: 'inet syiso_virbr7',
    ifb: 'syifb00000000',
    qemuAcl: '/etc/qemu/switchyard.conf',
  };
  const subject = { name: 'lab', bridge: 'virbr7', guests };

  it("records the bridge's ports before it goes, and removes what the network made for its guests", () => {
    const ports = [{ name: 'vnet3', mac: 'fe:54:00:00:00:03', isolated: false }];
    const p = planStop({ ...subject, ports }, stopCtx);
    expect(of(p, 'ports')?.do).toEqual([
      {
        op: 'write-file',
        path: stopCtx.portsFile,
        content: `${JSON.stringify({ bridge: 'virbr7', ports }, null, 2)}\n`,
        mode: 0o644,
      },
    ]);
    expect(of(p, 'guests')).toMatchObject({
      withPrevious: true,
      do: [
        { op: 'nft', script: 'delete table inet syiso_virbr7\n', absentOk: true },
        { op: 'ip', args: ['link', 'del', 'dev', 'syifb00000000'], absentOk: true },
        { op: 'qemu-acl', bridge: 'virbr7', allow: false, file: guests.qemuAcl, bridgeConf: '' },
      ],
    });
  });

  it('forgets the ports of a bridge that had none, and keeps the record when the bridge is already gone', () => {
    expect(of(planStop({ ...subject, ports: [] }, stopCtx), 'ports')?.do).toEqual([
      { op: 'remove-file', path: stopCtx.portsFile },
    ]);
    expect(of(planStop(subject, stopCtx), 'ports')?.do).toEqual([]);
  });

  it("takes our access list line back even when the bridge's name now belongs to someone else", () => {
    const p = planStop({ ...subject, foreignBridge: true, ports: [] }, stopCtx);
    expect(of(p, 'guests')?.do).toEqual([
      { op: 'qemu-acl', bridge: 'virbr7', allow: false, file: guests.qemuAcl, bridgeConf: '' },
    ]);
    expect(of(p, 'ports')?.do).toEqual([]);
  });
});
