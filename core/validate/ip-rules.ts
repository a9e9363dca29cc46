// <ip>: address, family, netmask/prefix and <tftp> (libvirt's
// virNetworkIPDefParseXML), plus ours: a netmask must be contiguous, and an IPv4
// address needs a prefix it can be given. The <dhcp> inside is checked only
// once the <ip> itself is sound, since its checks need the subnet.
import { classfulPrefix, prefixFromNetmask } from '../addr/cidr.js';
import { type IpAddress, parseIp } from '../addr/ip.js';
import { ipDefPrefix } from '../addr/ip-def.js';
import type { IpDef, NetworkDef } from '../model/network.js';
import { checkDhcp } from './dhcp-rules.js';
import { confFieldProblem } from './dnsmasq-text.js';
import { element, type Finding, finding, quote, type Report } from './problem-text.js';

export function ipElement(ip: IpDef): string {
  return element('ip', [
    ['family', ip.family],
    ['address', ip.address],
    ['netmask', ip.netmask],
    ['prefix', ip.prefix],
  ]);
}

export function checkIps(def: NetworkDef, report: Report): void {
  for (const ip of def.ips) {
    const address = checkIpElement(ip, report);
    if (address) checkDhcp(ip, address, report);
  }
}

/** The parsed address when the <ip> is sound, else undefined after reporting why. */
function checkIpElement(ip: IpDef, report: Report): IpAddress | undefined {
  const say = (problem: Finding): undefined => {
    report(problem.rule, ipElement(ip), ip.at, problem.text);
    return undefined;
  };
  if (ip.address === undefined || ip.address === '')
    return say(finding('ip.address-missing', 'has no address attribute'));
  const address = parseIp(ip.address);
  if (!address)
    return say(finding('ip.address-invalid', `address ${quote(ip.address)} is not a valid IP address`));
  const familyProblem = familyMismatch(ip, address);
  if (familyProblem) return say(familyProblem);
  const maskProblem = address.family === 4 ? ipv4MaskProblem(ip, address) : ipv6MaskProblem(ip);
  if (maskProblem) return say(maskProblem);
  const ptrProblem = localPtrProblem(ip, address);
  if (ptrProblem) say(ptrProblem);
  const tftp = ip.tftp;
  const rootProblem = tftp && confFieldProblem(tftp.root);
  if (tftp && address.family !== 4) {
    report(
      'ip.tftp-ipv6',
      element('tftp', [['root', tftp.root]]),
      tftp.at ?? ip.at,
      'is only supported in an IPv4 <ip>',
    );
  } else if (tftp && rootProblem) {
    report(
      'ip.tftp-root-unsafe',
      element('tftp', [['root', tftp.root]]),
      tftp.at ?? ip.at,
      `root ${quote(tftp.root)} ${rootProblem}`,
    );
  }
  return address;
}

/**
 * dnsmasq answers reverse lookups for a whole reverse zone, and a zone is a label of the
 * address: 8 bits in IPv4, one hex digit (4 bits) in IPv6. libvirt defines such a network
 * and fails its start; refusing it here gives the line:column instead.
 */
function localPtrProblem(ip: IpDef, address: IpAddress): Finding | undefined {
  if (ip.localPtr !== 'yes') return undefined;
  const prefix = ipDefPrefix(ip) ?? 0;
  const labelBits = address.family === 4 ? 8 : 4;
  if (prefix > 0 && prefix % labelBits === 0) return undefined;
  return finding(
    'ip.local-ptr-prefix',
    `localPtr='yes' needs a prefix that is a multiple of ${labelBits} (one ${
      address.family === 4 ? 'octet' : 'hex digit'
    } per reverse-zone label), not ${prefix}`,
  );
}

function familyMismatch(ip: IpDef, address: IpAddress): Finding | undefined {
  const mismatch = (text: string): Finding => finding('ip.family-mismatch', text);
  if (ip.family === 'ipv6')
    return address.family === 6 ? undefined : mismatch("has family='ipv6' but an IPv4 address");
  if (address.family === 4) return undefined;
  return mismatch(
    ip.family === 'ipv4'
      ? "has family='ipv4' but an IPv6 address"
      : "has an IPv6 address but no family='ipv6'",
  );
}

function ipv4MaskProblem(ip: IpDef, address: IpAddress): Finding | undefined {
  // libvirt keeps prefix as an unsigned with 0 meaning "not given".
  const hasPrefix = ip.prefix !== undefined && ip.prefix > 0;
  if (ip.netmask !== undefined) {
    const mask = parseIp(ip.netmask);
    if (!mask)
      return finding('ip.netmask-invalid', `netmask ${quote(ip.netmask)} is not a valid IPv4 netmask`);
    if (mask.family !== 4)
      return finding('ip.netmask-invalid', `netmask ${quote(ip.netmask)} must be IPv4 like the address`);
    if (hasPrefix) return finding('ip.netmask-and-prefix', 'may have a netmask or a prefix, not both');
    if (prefixFromNetmask(mask) === undefined) {
      return finding(
        'ip.netmask-invalid',
        `netmask ${quote(ip.netmask)} is not contiguous (its one bits must come first)`,
      );
    }
    return undefined;
  }
  if (hasPrefix)
    return (ip.prefix ?? 0) > 32
      ? finding('ip.prefix-out-of-range', `prefix ${ip.prefix} is out of range (0-32 for IPv4)`)
      : undefined;
  if (address.value !== 0n && classfulPrefix(address) === undefined) {
    return finding(
      'ip.prefix-missing',
      'has neither netmask nor prefix, and the address is not class A, B or C to imply one',
    );
  }
  return undefined;
}

function ipv6MaskProblem(ip: IpDef): Finding | undefined {
  if (ip.netmask !== undefined)
    return finding('ip.netmask-invalid', 'may not have a netmask: IPv6 uses prefix');
  if ((ip.prefix ?? 0) > 128)
    return finding('ip.prefix-out-of-range', `prefix ${ip.prefix} is out of range (0-128 for IPv6)`);
  return undefined;
}
