// Which host interfaces the wizard and the settings form offer as an uplink: main's
// inventory has left out loopback, bridge and bond ports and our own bridges; each
// choice says what it is, so a NIC is told from a veth at a glance.
import type { HostFacts } from '../../../../contract/ipc.js';

export interface UplinkChoice {
  name: string;
  label: string;
}

type Uplink = HostFacts['uplinks'][number];

const KIND: Record<Uplink['kind'], string> = {
  ethernet: 'Ethernet',
  wireless: 'Wi-Fi',
  bridge: 'host bridge',
  bond: 'bond',
  vlan: 'VLAN',
  veth: 'veth',
  loopback: 'loopback',
  virtual: 'virtual',
};

export function speedText(mbps: number | undefined): string | undefined {
  if (mbps === undefined) return undefined;
  return mbps >= 1000 ? `${mbps / 1000} Gb/s` : `${mbps} Mb/s`;
}

export function uplinkLabel(u: Uplink): string {
  const parts = [
    KIND[u.kind],
    speedText(u.speed),
    u.state === 'up' ? undefined : u.state,
    u.defaultRoute ? 'default route' : undefined,
  ];
  return `${u.name} — ${parts.filter(Boolean).join(', ')}`;
}

/** Physical links first, then the default route's, then by name. */
export function uplinkChoices(facts: HostFacts): UplinkChoice[] {
  return [...facts.uplinks]
    .sort(
      (a, b) =>
        Number(b.physical) - Number(a.physical) ||
        Number(!!b.defaultRoute) - Number(!!a.defaultRoute) ||
        a.name.localeCompare(b.name),
    )
    .map((u) => ({ name: u.name, label: uplinkLabel(u) }));
}
