// What makes a network Switchyard creates (the first-use `default`, the wizard) give a
// new guest its lease in well under a second, where libvirt's stock network takes
// ~7 s. Both choices are written into the XML itself, in libvirt's own syntax, so
// they are visible, editable and mean the same under libvirt; a file imported from
// libvirt keeps libvirt's behaviour.
//
// - stp='off': with STP on, the kernel holds a new port in listening and learning
//   for at least 2 s each (forward_delay is clamped to 2 s), so the guest's first
//   DHCP packets are dropped for ~4 s. STP would only matter if a guest bridged two
//   of its NICs on this same network; write stp='on' if you do that.
// - dnsmasq `no-ping`: by default dnsmasq pings an address and waits ~3 s before
//   offering it, to avoid handing out an address someone configured by hand. On a
//   switch whose range dnsmasq alone hands out, that only catches a guest with a
//   hand-set address inside the DHCP range; clients that probe with ARP before using
//   a lease (RFC 5227, e.g. NetworkManager's ipv4.dad-timeout, busybox udhcpc -a)
//   still send DHCPDECLINE and dnsmasq then offers another address. Remove the
//   option to get dnsmasq's own check back.
import type { NetworkDef } from '../model/network.js';

export const NO_PING_OPTION = 'no-ping';

export function withQuickSwitchDefaults(def: NetworkDef): NetworkDef {
  const options = def.dnsmasqOptions ?? [];
  const hasNoPing = options.some((o) => o.value === NO_PING_OPTION);
  return {
    ...def,
    bridge: { ...def.bridge, stp: 'off', delay: 0 },
    dnsmasqOptions: hasNoPing ? options : [...options, { value: NO_PING_OPTION }],
  };
}
