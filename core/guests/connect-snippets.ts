// What to paste to put a VM on a network, ready for its bridge: the libvirt domain
// <interface> (virt-manager's XML tab, `virsh edit`), the virsh line that adds one
// to a running domain, and QEMU's -nic option. The same text in the UI's Connect
// section and in `switchyard net-connect-info`.
import type { NetworkDef } from '../model/network.js';
import { shellWord } from '../names/shell-word.js';
import { escapeXml } from '../xml/xml-writer.js';
import { unprivilegedAttach } from './guest-settings.js';

export interface ConnectSnippets {
  network: string;
  bridge: string;
  /** <interface type='bridge'> for a libvirt domain, virtio model. */
  libvirtXml: string;
  /** Adds the interface to DOMAIN now and in its saved definition. */
  virshAttach: string;
  /** QEMU's option: through qemu-bridge-helper when QEMU is not root. */
  qemuNic: string;
  /** Whether qemu-bridge-helper lets unprivileged users' VMs attach (the network's setting). */
  unprivilegedAttach: boolean;
  /** The line Switchyard keeps in its qemu access list while the setting is on. */
  aclLine: string;
}

export function connectSnippets(def: NetworkDef, bridge: string): ConnectSnippets {
  // libvirt sets the kernel's isolation flag on the tap of an <interface> that asks.
  const isolated = def.port?.isolated === 'yes' ? "\n  <port isolated='yes'/>" : '';
  return {
    network: def.name,
    bridge,
    libvirtXml: `<interface type='bridge'>\n  <source bridge='${escapeXml(bridge)}'/>\n  <model type='virtio'/>${isolated}\n</interface>\n`,
    virshAttach: `virsh attach-interface DOMAIN bridge ${shellWord(bridge)} --model virtio --config --live`,
    qemuNic: `-nic ${shellWord(`bridge,br=${bridge},model=virtio-net-pci`)}`,
    unprivilegedAttach: unprivilegedAttach(def),
    aclLine: `allow ${bridge}`,
  };
}
