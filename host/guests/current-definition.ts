// The definition in effect for a network: the live one while it runs (what its
// bridge, isolation and access list follow), else the saved one.
import { readNetworkDefinition } from '../../core/definition.js';
import type { NetworkDef } from '../../core/model/index.js';
import type { HostPaths } from '../paths.js';
import { readActive, readDefinitionXml } from '../state/state-store.js';

export function currentDefinition(paths: HostPaths, name: string): NetworkDef | undefined {
  const xml = readActive(paths, name)?.xml ?? readDefinitionXml(paths, name);
  const parsed = xml === undefined ? undefined : readNetworkDefinition(xml);
  return parsed?.ok ? parsed.value : undefined;
}

/** The bridge VMs connect to: the running one, else the one the definition names. */
export function currentBridge(
  paths: HostPaths,
  name: string,
  def: NetworkDef | undefined,
): string | undefined {
  return readActive(paths, name)?.status.bridge ?? def?.bridge?.name;
}
