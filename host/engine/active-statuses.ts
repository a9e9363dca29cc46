// The status JSON of every active network, read directly so that a status whose
// XML twin is missing (a crash between the two writes) is still seen and cleaned.
import { existsSync, readdirSync } from 'node:fs';
import { nameFromFileStem } from '../../core/names/index.js';
import { type HostPaths, statusJsonPath } from '../paths.js';
import { readText } from '../state/state-store.js';
import { type NetworkStatus, parseStatus } from '../state/status.js';

export interface StatusEntry {
  /** The file stem; the key of every file this network owns. */
  name: string;
  status?: NetworkStatus;
}

export function readStatuses(paths: HostPaths): StatusEntry[] {
  if (!existsSync(paths.runDir)) return [];
  return readdirSync(paths.runDir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
    .map((f) => nameFromFileStem(f.slice(0, -'.json'.length)))
    .filter((n): n is string => n !== undefined)
    .map((name) => ({ name, ...withStatus(parseStatus(readText(statusJsonPath(paths, name)) ?? '')) }));
}

const withStatus = (status: NetworkStatus | undefined): { status?: NetworkStatus } =>
  status ? { status } : {};
