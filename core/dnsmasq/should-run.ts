// Whether a network needs a dnsmasq at all, decided apart from writing its config
// (libvirt writes a config for routed-network-no-dns but starts no dnsmasq for it).
import { managedModeOf, type NetworkDef } from '../model/network.js';
import { hasDhcp } from './dhcp-ips.js';

export function shouldRunDnsmasq(def: NetworkDef): boolean {
  // Bridged/passthrough modes hand guests to an existing LAN, whose DHCP they use.
  if (managedModeOf(def) === undefined) return false;
  // Nothing to listen on without an address on the bridge.
  if (def.ips.length === 0) return false;
  const serves = def.ips.some((ip) => hasDhcp(ip) || ip.tftp !== undefined);
  return serves || def.dns?.enable !== 'no';
}
