// What deleting means for each kind of network, decided before asking the user.
import type { NetworkRow } from '../../../../contract/ipc.js';

export interface DeletePlan {
  title: string;
  body: string;
  confirmLabel: string;
  steps: ('stop' | 'undefine')[];
}

/** A running network is stopped first; a transient one has nothing to delete once stopped. */
export function deletePlan(row: Pick<NetworkRow, 'name' | 'active' | 'persistent'>): DeletePlan {
  if (row.active && !row.persistent)
    return {
      title: `Stop transient network ${row.name}?`,
      body: `${row.name} is transient: stopping it removes it. Guests on it lose connectivity.`,
      confirmLabel: 'Stop and remove',
      steps: ['stop'],
    };
  if (row.active)
    return {
      title: `Stop and delete ${row.name}?`,
      body: `${row.name} is running. It will be stopped (guests on it lose connectivity), then its definition deleted.`,
      confirmLabel: 'Stop and delete',
      steps: ['stop', 'undefine'],
    };
  return {
    title: `Delete ${row.name}?`,
    body: `The definition of ${row.name} will be deleted from the host.`,
    confirmLabel: 'Delete',
    steps: ['undefine'],
  };
}
