// The input and output chains: the services the host itself gives the guests on
// this bridge (DHCP, DNS, TFTP from dnsmasq) and their replies.
//
// In nftables an accept only ends the packet's walk through this table's chain;
// every other base chain on the hook (the host's own firewall) must accept it too.
// Our chains' policy is accept, so these rules change no verdict: they name the
// traffic a network needs, and their counters show it arriving. If the host's own
// firewall drops DHCP or DNS from the bridge, these rules cannot override that.
//
// libvirt's iptables backend also adds a mangle rule filling in the UDP checksum
// of DHCP replies (CHECKSUM --checksum-fill), for old dhclient versions that threw
// away packets whose checksum was left to offloading on virtio/tap devices. nftables
// has no such statement, current DHCP clients accept these packets, and libvirt's
// own nftables backend dropped the rule too, so there is none here.
import { ipFamily, type NetworkDef } from '../model/network.js';
import { type RuleContext, rule } from './rule-context.js';

export function inputRules(def: NetworkDef, ctx: RuleContext): string[] {
  const from = `iif ${ctx.bridge}`;
  return [
    ...(hasFamily(def, 'ipv4') ? [rule([from, 'udp dport 67'], 'accept', 'DHCP requests')] : []),
    ...(hasFamily(def, 'ipv6') ? [rule([from, 'udp dport 547'], 'accept', 'DHCPv6 requests')] : []),
    rule([from, 'udp dport 53'], 'accept', 'DNS queries'),
    rule([from, 'tcp dport 53'], 'accept', 'DNS queries'),
    ...(def.ips.some((ip) => ip.tftp) ? [rule([from, 'udp dport 69'], 'accept', 'TFTP requests')] : []),
  ];
}

export function outputRules(def: NetworkDef, ctx: RuleContext): string[] {
  const to = `oif ${ctx.bridge}`;
  return [
    ...(hasFamily(def, 'ipv4') ? [rule([to, 'udp dport 68'], 'accept', 'DHCP replies')] : []),
    ...(hasFamily(def, 'ipv6') ? [rule([to, 'udp dport 546'], 'accept', 'DHCPv6 replies')] : []),
    rule([to, 'udp sport 53'], 'accept', 'DNS replies'),
    rule([to, 'tcp sport 53'], 'accept', 'DNS replies'),
  ];
}

function hasFamily(def: NetworkDef, family: 'ipv4' | 'ipv6'): boolean {
  return def.ips.some((ip) => ipFamily(ip) === family);
}
