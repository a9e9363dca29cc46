// The running networks with their live definitions, for the checks that need to know
// what each one promises (its mode, subnets and families): restoring our host
// objects, putting back sysctls, the doctor. The live XML was validated at start.
import type { NetworkDef } from '../../core/model/index.js';
import { parseNetworkXml } from '../../core/xml/index.js';
import type { HostPaths } from '../paths.js';
import { listActiveNames, readActive } from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';

export interface ActiveNetwork {
  status: NetworkStatus;
  def: NetworkDef;
}

export function readActiveNetworks(paths: HostPaths): ActiveNetwork[] {
  return listActiveNames(paths).flatMap((name) => {
    const record = readActive(paths, name);
    const parsed = record ? parseNetworkXml(record.xml) : undefined;
    return record && parsed?.ok ? [{ status: record.status, def: parsed.value }] : [];
  });
}
