// The one line under a network's name that says what it does: mode and uplink, the
// subnet, the bridge, and how many VMs are plugged in.
import type { NetworkRow } from '../../../../contract/ipc.js';
import { modeLabel } from './mode-labels.js';

export function vmText(count: number | undefined): string | undefined {
  if (count === undefined) return undefined;
  return count === 1 ? '1 VM' : `${count} VMs`;
}

export function headerSummary(
  row: Pick<NetworkRow, 'mode' | 'uplink' | 'ipv4' | 'ipv6' | 'bridge' | 'active'>,
  vms: number | undefined,
): string[] {
  const reach =
    row.mode === 'isolated'
      ? 'Isolated: guests reach each other and the host'
      : `${modeLabel[row.mode]} via ${row.uplink ?? 'any interface'}`;
  const subnet = row.ipv4 ?? row.ipv6 ?? 'no IP (layer 2)';
  const parts = [reach, subnet, row.bridge ? `bridge ${row.bridge}` : undefined];
  if (row.active) parts.push(vmText(vms) ?? '…');
  return parts.filter((p): p is string => p !== undefined);
}
