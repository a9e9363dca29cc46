// ip-dhcp-host: static DHCP hosts of one <ip>. libvirt's matching rules
// (virNetworkDefUpdateIPDHCPHost): add refuses a host that shares its mac, name or
// ip with an existing one; modify replaces the first host that shares any of them;
// delete removes the first host that agrees on every attribute the snippet gives.
import { type IpAddress, ipEquals, parseIp } from '../addr/ip.js';
import { type DhcpHost, type IpDef, ipFamily, type NetworkDef } from '../model/network.js';
import type { Result } from '../result.js';
import { isMulticastMac, parseMac } from '../validate/mac-address.js';
import { quote } from '../validate/problem-text.js';
import { attribute, type XmlElement } from '../xml/xml-tree.js';
import { checkSingleDhcp, parentIpIndex } from './parent-ip.js';
import { asWritten, canonicalAddress, leaseOf, parseSnippet, posOf } from './snippet.js';
import { checkNewHostLease } from './snippet-rules.js';
import { ok, updateFailure } from './update-problem.js';
import { type EffectiveCommand, inserted } from './update-request.js';

const SHOWN = ['mac', 'id', 'name', 'ip'] as const;

export function updateDhcpHost(
  def: NetworkDef,
  command: EffectiveCommand,
  xml: string,
  parentIndex: number | undefined,
): Result<NetworkDef> {
  const root = parseSnippet(def, xml, 'host');
  if (!root.ok) return root;
  const index = parentIpIndex(def, parentIndex);
  if (!index.ok) return index;
  const ip = def.ips[index.value] as IpDef;
  const host = hostOf(def, ip, root.value, command === 'delete');
  if (!host.ok) return host;
  const lease = checkNewHostLease(def, host.value);
  if (!lease.ok) return lease;
  const hosts = ip.dhcp?.hosts ?? [];
  const what = asWritten(root.value, SHOWN);
  const at = posOf(root.value);
  switch (command) {
    case 'add-first':
    case 'add-last': {
      const single = checkSingleDhcp(def, index.value);
      if (!single.ok) return single;
      if (hosts.some((h) => sharesAny(host.value, h)))
        return updateFailure(def, what, at, 'matches an existing dhcp <host> by mac, name or ip');
      return ok(withHosts(def, index.value, inserted(hosts, host.value, command)));
    }
    case 'modify': {
      const i = hosts.findIndex((h) => sharesAny(host.value, h));
      if (i < 0) return updateFailure(def, what, at, 'matches no existing dhcp <host> by mac, ip or name');
      return ok(
        withHosts(
          def,
          index.value,
          hosts.map((h, k) => (k === i ? host.value : h)),
        ),
      );
    }
    case 'delete': {
      const i = hosts.findIndex((h) => agreesOnGiven(host.value, h));
      if (i < 0) return updateFailure(def, what, at, 'matches no existing dhcp <host>');
      return ok(
        withHosts(
          def,
          index.value,
          hosts.filter((_, k) => k !== i),
        ),
      );
    }
  }
}

/**
 * libvirt's parse of a <host> (virNetworkDHCPHostDefParseXML): a delete needs only
 * one of mac, name or ip to match by; add and modify need a complete entry.
 */
function hostOf(def: NetworkDef, ip: IpDef, el: XmlElement, partial: boolean): Result<DhcpHost> {
  const what = asWritten(el, SHOWN);
  const at = posOf(el);
  const fail = (text: string) => updateFailure(def, what, at, text);
  const v6 = ipFamily(ip) === 'ipv6';
  const [mac, id, name, address] = SHOWN.map((a) => attribute(el, a));
  if (mac !== undefined) {
    if (v6) return fail('may not have a mac in an IPv6 <ip>: IPv6 hosts are matched by id or name');
    const octets = parseMac(mac);
    if (!octets) return fail(`mac ${quote(mac)} is not a valid MAC address`);
    if (isMulticastMac(octets))
      return fail(`mac ${quote(mac)} is a multicast address; a host needs a unicast MAC`);
  }
  if (id !== undefined && !/^[0-9a-fA-F:]*$/.test(id))
    return fail(`id ${quote(id)} may contain only hex digits and ':'`);
  if (name !== undefined && !/^[A-Za-z0-9]/.test(name))
    return fail(`name ${quote(name)} must start with a letter or digit`);
  const parsed = address === undefined ? undefined : parseIp(address);
  if (address !== undefined && !parsed) return fail(`ip ${quote(address)} is not a valid IP address`);
  if (partial && mac === undefined && name === undefined && address === undefined)
    return fail('needs a mac, name or ip attribute to find the entry by');
  if (!partial) {
    if (v6 && id === undefined && name === undefined) return fail('needs an id or name attribute');
    if (!v6 && mac === undefined && name === undefined) return fail('needs a mac or name attribute');
    if (!parsed) return fail('has no ip attribute');
    if (parsed.family !== (v6 ? 6 : 4))
      return fail(`ip ${quote(address ?? '')} is not of the family of its <ip>`);
  }
  const lease = leaseOf(def, el);
  if (!lease.ok) return lease;
  const host: DhcpHost = { at };
  if (mac !== undefined) host.mac = mac;
  if (id !== undefined) host.id = id;
  if (name !== undefined) host.name = name;
  if (address !== undefined) host.ip = canonicalAddress(address);
  if (lease.value) host.lease = lease.value;
  return ok(host);
}

function sameMac(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const x = parseMac(a);
  const y = parseMac(b);
  return x && y ? x.every((o, i) => o === y[i]) : a.toLowerCase() === b.toLowerCase();
}

function ipOf(host: DhcpHost): IpAddress | undefined {
  return host.ip === undefined ? undefined : parseIp(host.ip);
}

function sameIp(a: DhcpHost, b: DhcpHost): boolean {
  const x = ipOf(a);
  const y = ipOf(b);
  return x !== undefined && y !== undefined && ipEquals(x, y);
}

function sharesAny(wanted: DhcpHost, h: DhcpHost): boolean {
  return (
    sameMac(wanted.mac, h.mac) || sameIp(wanted, h) || (wanted.name !== undefined && wanted.name === h.name)
  );
}

/** libvirt skips the mac test when either side has none. */
function agreesOnGiven(wanted: DhcpHost, h: DhcpHost): boolean {
  const mac = wanted.mac === undefined || h.mac === undefined || sameMac(wanted.mac, h.mac);
  const name = wanted.name === undefined || wanted.name === h.name;
  const ip = wanted.ip === undefined || sameIp(wanted, h);
  return mac && name && ip;
}

function withHosts(def: NetworkDef, index: number, hosts: DhcpHost[]): NetworkDef {
  return {
    ...def,
    ips: def.ips.map((ip, k) => (k === index ? { ...ip, dhcp: { ranges: [], ...ip.dhcp, hosts } } : ip)),
  };
}
