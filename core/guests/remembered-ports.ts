// The ports a network had when it was stopped, kept in the run dir (NAME.ports):
// deleting a bridge releases its ports (the VMs' tap devices stay), and the next
// start of the network plugs back those that still exist, unattached, with the same
// MAC, so a restart, or net-destroy followed by net-start, keeps the VMs connected.

export interface RememberedPort {
  /** Interface name (vnet3, tap0, a veth). */
  name: string;
  /** The port's own MAC: tells the same device from a new one that took its name. */
  mac: string;
  /** The kernel's port isolation flag (libvirt sets it for <port isolated='yes'/>). */
  isolated: boolean;
}

export interface RememberedPorts {
  bridge: string;
  ports: RememberedPort[];
}

export function formatRememberedPorts(r: RememberedPorts): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

const IFNAME = /^[^\s/]{1,15}$/;
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;

/** The record, or undefined when the text is not one (a damaged file is ignored). */
export function parseRememberedPorts(text: string | undefined): RememberedPorts | undefined {
  try {
    const v = JSON.parse(text ?? '') as Partial<RememberedPorts> | null;
    if (!v || typeof v.bridge !== 'string' || !Array.isArray(v.ports)) return undefined;
    const ports = v.ports.filter(
      (p): p is RememberedPort =>
        typeof p?.name === 'string' &&
        IFNAME.test(p.name) &&
        typeof p.mac === 'string' &&
        MAC.test(p.mac) &&
        typeof p.isolated === 'boolean',
    );
    return { bridge: v.bridge, ports };
  } catch {
    return undefined;
  }
}
