// The status files go last on start and are removed last on stop: while they exist
// the network counts as active. The intent record goes right after them: from then
// on the status alone tells reconcile what the network owns. The live XML is the
// definition as it runs (live-definition.ts).
import type { NetworkDef } from '../model/network.js';
import { formatNetworkXml } from '../xml/format-network.js';
import type { PlannedStatus, Step } from './host-op.js';
import { liveDefinition } from './live-definition.js';

export function statusStep(def: NetworkDef, status: PlannedStatus, pidFile: string | undefined): Step {
  return {
    id: 'status',
    title: `record ${def.name} as active`,
    do: [
      {
        op: 'write-status',
        xml: formatNetworkXml(liveDefinition(def)),
        status,
        ...(pidFile ? { pidFile } : {}),
      },
      { op: 'remove-intent', name: def.name },
    ],
    undo: [{ op: 'remove-status', name: def.name }],
  };
}
