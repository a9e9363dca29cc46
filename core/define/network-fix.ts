// The fixes the app offers with a start that collides with the host: move the network
// to a free subnet, or let define pick a free bridge name. Pure edits of the model, so
// main (under the host lock) and any preview agree on the result.
import { addOffset, type Cidr, cidrContains, networkOf, parseCidr } from '../addr/cidr.js';
import { formatIp, parseIp } from '../addr/ip.js';
import { ipDefCidr } from '../addr/ip-def.js';
import { ipFamily, type NetworkDef } from '../model/network.js';
import { assertNever, type Result } from '../result.js';
import { natIp } from './default-network.js';

export type NetworkFix = { kind: 'free-subnet'; subnet: string } | { kind: 'auto-bridge' };

/** The fixed definition, or why the fix does not apply (a subnet text from the caller, no IPv4 to move). */
export function applyNetworkFix(def: NetworkDef, fix: NetworkFix): Result<NetworkDef> {
  switch (fix.kind) {
    case 'free-subnet':
      return moveSubnet(def, fix.subnet);
    case 'auto-bridge':
      return { ok: true, value: def.bridge ? { ...def, bridge: { ...def.bridge, name: undefined } } : def };
    default:
      return assertNever(fix, 'network fix');
  }
}

function cannotFix(def: NetworkDef, message: string): Result<NetworkDef> {
  return { ok: false, error: { code: 'validation', network: def.name, message } };
}

/**
 * Moves the first IPv4 subnet: host address .1, the DHCP range derived as the wizard
 * does, and static hosts kept at the same offset (dropped when outside the new subnet).
 */
function moveSubnet(def: NetworkDef, subnetText: string): Result<NetworkDef> {
  const target = parseCidr(subnetText);
  if (target?.address.family !== 4)
    return cannotFix(def, `network '${def.name}': '${subnetText}' is not an IPv4 subnet`);
  const subnet = { address: networkOf(target.address, target.prefix), prefix: target.prefix };
  const i = def.ips.findIndex((ip) => ipFamily(ip) === 'ipv4');
  const old = i >= 0 ? def.ips[i] : undefined;
  const from = old && ipDefCidr(old);
  if (!old || !from) return cannotFix(def, `network '${def.name}' has no IPv4 subnet to move`);
  const fresh = natIp(subnet);
  const hosts = (old.dhcp?.hosts ?? []).flatMap((h) => {
    const moved = h.ip ? moveAddress(h.ip, from, subnet) : undefined;
    if (h.ip && !moved) return [];
    return [{ ...h, ...(moved ? { ip: moved } : {}) }];
  });
  const ip = { ...old, address: fresh.address, netmask: fresh.netmask, prefix: undefined };
  ip.dhcp = old.dhcp ? { ...old.dhcp, ranges: fresh.dhcp?.ranges ?? [], hosts } : undefined;
  return { ok: true, value: { ...def, ips: def.ips.map((x, j) => (j === i ? ip : x)) } };
}

/** The address at the same offset in TO as TEXT has in FROM, if it lies in both. */
export function moveAddress(text: string, from: Cidr, to: Cidr): string | undefined {
  const addr = parseIp(text);
  if (!addr || !cidrContains(from, addr)) return undefined;
  const moved = addOffset(to.address, addr.value - from.address.value);
  return cidrContains(to, moved) ? formatIp(moved) : undefined;
}
