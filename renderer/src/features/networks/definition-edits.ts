// Edits the app makes to a definition on the user's behalf (clone, the fixes offered
// with an error). Each parses with core, changes the model and prints it again, so the
// result is exactly what `switchyard net-dumpxml` would show.
import { addOffset, type Cidr, cidrContains, networkOf, parseCidr } from '../../../../core/addr/cidr.js';
import { formatIp, parseIp } from '../../../../core/addr/ip.js';
import { ipDefCidr } from '../../../../core/addr/ip-def.js';
import { natIp } from '../../../../core/define/default-network.js';
import { readNetworkDefinition } from '../../../../core/definition.js';
import { ipFamily, type NetworkDef } from '../../../../core/model/network.js';
import { formatNetworkXml } from '../../../../core/xml/format-network.js';

function readOrThrow(xml: string): NetworkDef {
  const read = readNetworkDefinition(xml);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

function edit(xml: string, change: (def: NetworkDef) => NetworkDef): string {
  return formatNetworkXml(change(readOrThrow(xml)), { inactive: true });
}

/** A copy under a new name; identity (UUID, MAC, bridge name) is left for define to fill. */
export function cloneXml(xml: string, name: string): string {
  return edit(xml, (def) => withoutIdentity({ ...def, name }));
}

function withoutIdentity(def: NetworkDef): NetworkDef {
  const { uuid: _uuid, mac: _mac, ...rest } = def;
  return { ...rest, ...(def.bridge ? { bridge: { ...def.bridge, name: undefined } } : {}) };
}

/**
 * The file's definition in place of an existing network of its name: the network
 * keeps its identity (UUID; bridge name and MAC unless the file sets them), so a file
 * exported elsewhere replaces it rather than clashing with it.
 */
export function replacingXml(fileXml: string, existingXml: string): string {
  const existing = readOrThrow(existingXml);
  return edit(fileXml, (def) => ({
    ...def,
    ...(existing.uuid ? { uuid: existing.uuid } : {}),
    ...((def.mac ?? existing.mac) ? { mac: def.mac ?? existing.mac } : {}),
    ...(existing.bridge?.name && !def.bridge?.name
      ? { bridge: { ...def.bridge, name: existing.bridge.name } }
      : {}),
  }));
}

/** Lets define pick the next free virbrN. */
export function autoBridgeXml(xml: string): string {
  return edit(xml, (def) => (def.bridge ? { ...def, bridge: { ...def.bridge, name: undefined } } : def));
}

/**
 * Moves the first IPv4 subnet: host address .1, the DHCP range derived as the wizard
 * does, and static hosts kept at the same offset within the subnet.
 */
export function moveSubnetXml(xml: string, subnetText: string): string {
  const target = parseCidr(subnetText);
  if (target?.address.family !== 4) throw new Error(`'${subnetText}' is not an IPv4 subnet`);
  const subnet = { address: networkOf(target.address, target.prefix), prefix: target.prefix };
  return edit(xml, (def) => {
    const i = def.ips.findIndex((ip) => ipFamily(ip) === 'ipv4');
    const old = i >= 0 ? def.ips[i] : undefined;
    const from = old && ipDefCidr(old);
    if (!old || !from) return def;
    const fresh = natIp(subnet);
    const hosts = (old.dhcp?.hosts ?? []).flatMap((h) => {
      const moved = h.ip ? moveAddress(h.ip, from, subnet) : undefined;
      if (h.ip && !moved) return [];
      return [{ ...h, ...(moved ? { ip: moved } : {}) }];
    });
    const ip = { ...old, address: fresh.address, netmask: fresh.netmask, prefix: undefined };
    ip.dhcp = old.dhcp ? { ...old.dhcp, ranges: fresh.dhcp?.ranges ?? [], hosts } : undefined;
    return { ...def, ips: def.ips.map((x, j) => (j === i ? ip : x)) };
  });
}

function moveAddress(text: string, from: Cidr, to: Cidr): string | undefined {
  const addr = parseIp(text);
  if (!addr || !cidrContains(from, addr)) return undefined;
  const moved = addOffset(to.address, addr.value - from.address.value);
  return cidrContains(to, moved) ? formatIp(moved) : undefined;
}
