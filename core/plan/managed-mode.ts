// Switchyard runs only the modes where it owns the bridge; the others attach guests to
// something that already exists (a host bridge, a physical NIC, SR-IOV functions).
import { effectiveMode, type ManagedMode, managedModeOf, type NetworkDef } from '../model/network.js';
import type { Problem } from '../result.js';
import { assertNever } from '../result.js';

export function managedMode(def: NetworkDef): ManagedMode | Problem {
  const mode = managedModeOf(def);
  if (mode !== undefined) return mode;
  return {
    code: 'unsupported',
    network: def.name,
    message: `network '${def.name}': forward mode '${effectiveMode(def)}' is not supported by Switchyard (it manages nat, route, open and isolated networks)`,
  };
}

/** Modes in which the host forwards the guests' traffic to other interfaces. */
export function forwards(mode: ManagedMode): boolean {
  switch (mode) {
    case 'nat':
    case 'route':
    case 'open':
      return true;
    case 'isolated':
      return false;
    default:
      return assertNever(mode, 'managed mode');
  }
}
