// What stopping, restarting or deleting means for a network, said before asking: how
// many VMs (ports on its bridge) it cuts off, and what is gone afterwards.
import type { NetworkRow } from '../../../../contract/ipc.js';

export interface Plan {
  title: string;
  body: string;
  confirmLabel: string;
}

/** "2 VMs are attached (vnet0, vnet1)", or '' when none is. */
export function attachedText(ports: readonly string[]): string {
  if (ports.length === 0) return '';
  const shown = ports.slice(0, 4).join(', ') + (ports.length > 4 ? ', …' : '');
  return ports.length === 1 ? `1 VM is attached (${shown})` : `${ports.length} VMs are attached (${shown})`;
}

/** Stop and Restart ask only when a VM would be cut off; undefined = just do it. */
export function interruptPlan(
  verb: 'stop' | 'restart',
  row: Pick<NetworkRow, 'name' | 'persistent'>,
  ports: readonly string[],
): Plan | undefined {
  if (ports.length === 0) return undefined;
  const attached = `${attachedText(ports)} to ${row.name}.`;
  const them = ports.length === 1 ? 'it' : 'them';
  const they = ports.length === 1 ? 'it loses its' : 'they lose their';
  if (verb === 'restart')
    return {
      title: `Restart ${row.name}?`,
      body: `${attached} Restarting takes its bridge down and up again: ${they} network for a moment, then Switchyard plugs ${them} back in, with the same addresses.`,
      confirmLabel: 'Restart',
    };
  return {
    title: `Stop ${row.name}?`,
    body: `${attached} Stopping cuts ${them} off until it starts again${row.persistent ? '' : '; a transient network is gone once stopped'}.`,
    confirmLabel: 'Stop',
  };
}

/** A running network is stopped first; a transient one has nothing to delete once stopped. */
export function deletePlan(
  row: Pick<NetworkRow, 'name' | 'active' | 'persistent'>,
  ports: readonly string[] = [],
): Plan {
  const they = ports.length === 1 ? 'it loses its' : 'they lose their';
  const cut = ports.length > 0 ? `${attachedText(ports)}: ${they} network.` : 'No VM is attached.';
  if (row.active && !row.persistent)
    return {
      title: `Stop transient network ${row.name}?`,
      body: `${row.name} is transient: stopping it removes it. ${cut}`,
      confirmLabel: 'Stop and remove',
    };
  if (row.active)
    return {
      title: `Stop and delete ${row.name}?`,
      body: `${row.name} is running. It will be stopped, then its definition deleted. ${cut}`,
      confirmLabel: 'Stop and delete',
    };
  return {
    title: `Delete ${row.name}?`,
    body: `The definition of ${row.name} will be deleted from the host.`,
    confirmLabel: 'Delete',
  };
}
