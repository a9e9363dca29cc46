// NetworkManager leaves alone the devices its configuration calls unmanaged. The
// bridge is listed in this state root's file of such devices before it exists, so
// NetworkManager never takes it over (no DHCP client on it, no address of its own,
// no "connection" it would later tear down), and taken off the list after it is gone.
import type { Step } from './host-op.js';

export function networkManagerStep(bridge: string): Step {
  return {
    id: 'network-manager',
    title: `tell NetworkManager to leave ${bridge} unmanaged`,
    do: [{ op: 'nm-unmanage', bridge }],
    undo: [{ op: 'nm-release', bridge }],
  };
}

/** The file is ours whoever owns a link of that name now, so the name always comes off it. */
export function networkManagerStopStep(bridge: string): Step {
  return {
    id: 'network-manager',
    title: `take ${bridge} off NetworkManager's unmanaged list`,
    do: [{ op: 'nm-release', bridge }],
    undo: [],
    withPrevious: true,
  };
}
