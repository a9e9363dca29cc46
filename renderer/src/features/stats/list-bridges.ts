// The bridges the list's rate column needs: active rows in view that have a bridge.
import type { NetworkRow } from '../../../../contract/ipc.js';

export function listBridges(rows: readonly Pick<NetworkRow, 'active' | 'bridge'>[]): string[] {
  const out: string[] = [];
  for (const r of rows) if (r.active && r.bridge) out.push(r.bridge);
  return out;
}
