// Which host interfaces the wizard and the settings form offer as an uplink.
import type { HostFacts, NetworkRow } from '../../../../contract/ipc.js';

export interface UplinkChoice {
  name: string;
  label: string;
}

/** Host interfaces that are not one of our bridges. */
export function uplinkChoices(facts: HostFacts, rows: readonly NetworkRow[]): UplinkChoice[] {
  return facts.interfaces
    .filter((i) => !rows.some((r) => r.bridge === i.name))
    .map((i) => ({ name: i.name, label: i.name }));
}
