// NAME.ports in the run dir: what the last stop of the network found on its bridge.
import { parseRememberedPorts, type RememberedPort } from '../../core/guests/index.js';
import { type HostPaths, portsFilePath } from '../paths.js';
import { readText } from '../state/state-store.js';
import { stillDetached } from './port-links.js';

export function rememberedPorts(paths: HostPaths, name: string): RememberedPort[] {
  return parseRememberedPorts(readText(portsFilePath(paths, name)))?.ports ?? [];
}

/** The ports a start of NAME plugs back in. */
export function formerPorts(paths: HostPaths, name: string): RememberedPort[] {
  return stillDetached(rememberedPorts(paths, name));
}
