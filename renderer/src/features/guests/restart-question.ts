// Before a restart: how many VMs are on the network, and that they come back. Stopping
// deletes the bridge (the VMs' taps stay); the start plugs the same taps back in.
import type { NetworkRow } from '../../../../contract/ipc.js';

/** What ConfirmDialog asks (app/confirm.svelte.ts's Question, kept free of runes for tests). */
export interface RestartQuestion {
  title: string;
  body: string;
  confirmLabel: string;
}

export function restartQuestion(row: Pick<NetworkRow, 'name' | 'portCount'>): RestartQuestion | undefined {
  if (row.portCount === 0) return undefined;
  const vms = row.portCount === 1 ? '1 VM is' : `${row.portCount} VMs are`;
  return {
    title: `Restart ${row.name}?`,
    body: `${vms} attached to ${row.name}. They lose the network for a moment while it restarts; Switchyard then plugs them back in, with their addresses.`,
    confirmLabel: 'Restart',
  };
}
