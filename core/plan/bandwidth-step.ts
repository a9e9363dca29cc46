// <bandwidth> on the network, applied with tc on the bridge as libvirt applies it
// (hierarchical classes, inbound and outbound seen from the guests): `inbound`
// shapes what the bridge sends to the guests (its egress: an HTB root with class 1:1
// for the network's ceiling and 1:2 for the guests' traffic); `outbound` limits what
// the guests send through the host. libvirt polices the bridge's ingress for that
// (act_police); this kernel family does not always have it, so the ingress is
// redirected (act_mirred) to an IFB device of the network's own and shaped there
// with HTB, which also queues instead of dropping. Rates are libvirt's kilobytes
// per second, bursts kilobytes: tc's kbps and kb. Guest-to-guest traffic does not
// pass the bridge device and is not limited, as under libvirt.
import type { BandwidthRate, NetworkDef } from '../model/network.js';
import type { Problem } from '../result.js';
import type { HostFacts } from './host-facts.js';
import type { HostOp, Step } from './host-op.js';

/** 'syifb' + 8 hex digits of the bridge name's FNV-1a hash: fits IFNAMSIZ for any bridge. */
export function ifbNameFor(bridge: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(bridge)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `syifb${h.toString(16).padStart(8, '0')}`;
}

const shaped = (r: BandwidthRate | undefined): r is BandwidthRate & { average: number } =>
  r?.average !== undefined && r.average > 0;

export const wantsIfb = (def: Pick<NetworkDef, 'bandwidth'>): boolean => shaped(def.bandwidth?.outbound);

export function ifbConflict(def: NetworkDef, bridge: string, facts: HostFacts): Problem | undefined {
  const ifb = ifbNameFor(bridge);
  if (!wantsIfb(def) || !facts.links.includes(ifb)) return undefined;
  return {
    code: 'conflict',
    network: def.name,
    message: `network '${def.name}': <bandwidth><outbound> needs interface ${ifb}, which already exists`,
  };
}

export function bandwidthStep(def: NetworkDef, bridge: string, alias: string): Step {
  const { inbound, outbound } = def.bandwidth ?? {};
  const parts: string[] = [];
  const ops: HostOp[] = [];
  const undo: HostOp[] = [];
  if (shaped(inbound)) {
    parts.push(`inbound ${rateText(inbound)}`);
    ops.push(...inboundOps(bridge, inbound));
    undo.push(tc(['qdisc', 'del', 'dev', bridge, 'root'], true));
  }
  if (shaped(outbound)) {
    const ifb = ifbNameFor(bridge);
    parts.push(`outbound ${rateText(outbound)} via ${ifb}`);
    ops.push(...outboundOps(bridge, ifb, alias, outbound));
    undo.push(tc(['qdisc', 'del', 'dev', bridge, 'ingress'], true), {
      op: 'ip',
      args: ['link', 'del', 'dev', ifb],
      absentOk: true,
    });
  }
  const title = parts.length ? `limit ${parts.join(', ')} on ${bridge}` : 'no bandwidth limits';
  return { id: 'bandwidth', title, do: ops, undo: undo.reverse() };
}

function inboundOps(bridge: string, rate: BandwidthRate & { average: number }): HostOp[] {
  const ceil = rate.peak ?? rate.average;
  return [
    tc(['qdisc', 'add', 'dev', bridge, 'root', 'handle', '1:', 'htb', 'default', '2']),
    htbClass(bridge, '1:', '1:1', rate.average, { ceil }),
    htbClass(bridge, '1:1', '1:2', rate.average, {
      ...(rate.peak === undefined ? {} : { ceil }),
      ...(rate.burst === undefined ? {} : { burst: rate.burst }),
    }),
  ];
}

function outboundOps(
  bridge: string,
  ifb: string,
  alias: string,
  rate: BandwidthRate & { average: number },
): HostOp[] {
  // libvirt's police burst when none is given: one second at the average rate.
  const burst = rate.burst ?? Math.min(rate.average, Math.floor(0xffffffff / 1024));
  const redirect = ['u32', 'match', 'u32', '0', '0', 'action', 'mirred', 'egress', 'redirect', 'dev', ifb];
  return [
    { op: 'ip', args: ['link', 'add', 'name', ifb, 'type', 'ifb'] },
    // The network's alias: reconcile removes an IFB no running network claims.
    { op: 'ip', args: ['link', 'set', 'dev', ifb, 'alias', alias] },
    { op: 'ip', args: ['link', 'set', 'dev', ifb, 'up'] },
    tc(['qdisc', 'add', 'dev', bridge, 'handle', 'ffff:', 'ingress']),
    tc(['filter', 'add', 'dev', bridge, 'parent', 'ffff:', 'protocol', 'all', ...redirect]),
    tc(['qdisc', 'add', 'dev', ifb, 'root', 'handle', '1:', 'htb', 'default', '1']),
    htbClass(ifb, '1:', '1:1', rate.average, { ceil: rate.peak ?? rate.average, burst }),
  ];
}

/** `tc class add … htb` with libvirt's units: KB/s for rates, KB for the burst. */
function htbClass(
  dev: string,
  parent: string,
  classid: string,
  average: number,
  opt: { ceil?: number; burst?: number },
): HostOp {
  const ceil = opt.ceil === undefined ? [] : ['ceil', kbps(opt.ceil)];
  const burst = opt.burst === undefined ? [] : ['burst', `${opt.burst}kb`];
  const head = ['class', 'add', 'dev', dev, 'parent', parent, 'classid', classid, 'htb'];
  return tc([...head, 'rate', kbps(average), ...ceil, ...burst, ...quantum(average)]);
}

const tc = (args: string[], absentOk = false): HostOp => ({
  op: 'tc',
  args,
  ...(absentOk ? { absentOk } : {}),
});
const kbps = (n: number): string => `${n}kbps`;

/**
 * HTB's quantum (bytes a class sends per round) is rate / r2q (10) by default: below
 * one full frame at low rates, far above at high ones; kept within those bounds as
 * libvirt does.
 */
function quantum(average: number): string[] {
  const q = Math.min(200_000, Math.max(1514, Math.floor((average * 1000) / 10)));
  return ['quantum', String(q)];
}

function rateText(r: BandwidthRate & { average: number }): string {
  const extra = [
    r.peak === undefined ? '' : `peak ${r.peak}`,
    r.burst === undefined ? '' : `burst ${r.burst} KB`,
  ];
  const tail = extra.filter((t) => t).join(', ');
  return `${r.average} KB/s${tail ? ` (${tail})` : ''}`;
}
