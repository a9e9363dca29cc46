// The link-level steps: create the bridge, tune its IPv6 sysctls, give it its
// addresses, bring it up, add the <route>s. Deleting the bridge removes its
// addresses, routes and per-device sysctls with it, so most undos are best effort.
import { formatCidr } from '../addr/cidr.js';
import { formatIp, parseIp } from '../addr/ip.js';
import { ipDefInterface, ipDefPrefix } from '../addr/ip-def.js';
import { ipFamily, type NetworkDef, type RouteDef } from '../model/network.js';
import { fileStem } from '../names/file-stem.js';
import { bridgeAlias } from './bridge-alias.js';
import type { Step } from './host-op.js';

export function bridgeStep(def: NetworkDef, bridge: string, rootId: string): Step {
  // libvirt's defaults: STP on unless stp='off', forward delay 0. With STP on the
  // kernel raises a delay below 2 s to 2 s, so a new port forwards only after ~4 s;
  // we still honour what the XML says, and the default network Switchyard defines
  // uses stp='off' so guests get their lease at once.
  const stp = def.bridge?.stp === 'off' ? '0' : '1';
  const delayCs = String((def.bridge?.delay ?? 0) * 100);
  const add = ['link', 'add', 'name', bridge];
  if (def.mac) add.push('address', def.mac.address);
  if (def.mtu) add.push('mtu', String(def.mtu.size));
  add.push('type', 'bridge', 'stp_state', stp, 'forward_delay', delayCs);
  return {
    id: 'bridge',
    title: `create bridge ${bridge} (stp ${stp === '1' ? 'on' : 'off'}, delay ${def.bridge?.delay ?? 0}s)`,
    do: [
      { op: 'ip', args: add },
      // The kernel ignores an alias given to `ip link add`, hence a second command. A
      // crash between the two leaves a bridge without it; the intent record, written
      // before, still names it as ours.
      { op: 'ip', args: ['link', 'set', 'dev', bridge, 'alias', bridgeAlias(rootId, fileStem(def.name))] },
    ],
    undo: [{ op: 'ip', args: ['link', 'del', 'dev', bridge], absentOk: true }],
  };
}

/**
 * As libvirt: IPv6 off on a bridge without an IPv6 address (the host should not
 * autoconfigure itself on a guest LAN), and never accept router advertisements or
 * autoconfigure there, so a guest cannot hijack the host's routing. ipv6='yes'
 * asks for IPv6 between guests without a host address, so it keeps IPv6 on.
 */
/** Whether the bridge carries IPv6: an IPv6 <ip>, or <network ipv6='yes'>. */
export function bridgeHasIpv6(def: NetworkDef): boolean {
  return def.ips.some((ip) => ipFamily(ip) === 'ipv6') || def.ipv6 === 'yes';
}

export function ipv6SysctlStep(def: NetworkDef, bridge: string): Step {
  const hasV6 = bridgeHasIpv6(def);
  const conf = `net/ipv6/conf/${bridge}`;
  return {
    id: 'ipv6-sysctls',
    title: `IPv6 ${hasV6 ? 'on' : 'off'} on ${bridge}, no router advertisements accepted`,
    do: [
      { op: 'sysctl', path: `${conf}/disable_ipv6`, value: hasV6 ? '0' : '1', ifExists: true },
      { op: 'sysctl', path: `${conf}/accept_ra`, value: '0', ifExists: true },
      { op: 'sysctl', path: `${conf}/autoconf`, value: '0', ifExists: true },
    ],
    // These files belong to the bridge and disappear with it.
    undo: [],
  };
}

export function addressStep(def: NetworkDef, bridge: string): Step {
  const addrs = def.ips.map((ip) => ipDefInterface(ip)).filter((a) => a !== undefined);
  const texts = addrs.map((a) => `${formatIp(a.address)}/${a.prefix}`);
  return {
    id: 'addresses',
    title: texts.length ? `add ${texts.join(', ')} to ${bridge}` : `no addresses on ${bridge}`,
    do: addrs.map((a, i) => ({
      op: 'ip',
      // IPv4 gets its broadcast address as libvirt sets it. IPv6 skips duplicate
      // address detection: the bridge is new and has no ports, and waiting ~1 s for
      // DAD would hold up dnsmasq (libvirt waits for it).
      args:
        a.address.family === 4
          ? ['addr', 'add', texts[i] ?? '', 'broadcast', '+', 'dev', bridge]
          : ['addr', 'add', texts[i] ?? '', 'dev', bridge, 'nodad'],
    })),
    undo: texts.map((t) => ({ op: 'ip', args: ['addr', 'del', t, 'dev', bridge], absentOk: true })),
  };
}

export function linkUpStep(bridge: string): Step {
  return {
    id: 'link-up',
    title: `bring ${bridge} up`,
    do: [{ op: 'ip', args: ['link', 'set', 'dev', bridge, 'up'] }],
    undo: [{ op: 'ip', args: ['link', 'set', 'dev', bridge, 'down'], absentOk: true }],
  };
}

export function routeStep(def: NetworkDef, bridge: string): Step {
  const routes = def.routes.map((r) => routeArgs(r, bridge));
  return {
    id: 'routes',
    title: routes.length ? `add ${routes.length} route(s) via ${bridge}` : 'no static routes',
    do: routes.map((args) => ({ op: 'ip', args: ['route', 'add', ...args] })),
    undo: routes.map((args) => ({ op: 'ip', args: ['route', 'del', ...args], absentOk: true })),
  };
}

/** libvirt gives a <route> without metric= metric 1. */
function routeArgs(r: RouteDef, bridge: string): string[] {
  const address = parseIp(r.address);
  const prefix = ipDefPrefix(r);
  const dest = address && prefix !== undefined ? formatCidr({ address, prefix }) : r.address;
  return [dest, 'via', r.gateway, 'dev', bridge, 'metric', String(r.metric ?? 1)];
}
