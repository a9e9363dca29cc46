// The engine's side of a Registry for unit tests of the registry's own rules: start
// records the name and answers a status, reconcile counts, nothing touches the host.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NetworkDef } from '../../../core/model/network.js';
import type { EnginePort, NextChange } from '../../../host/networks/engine-port.js';
import { Registry, type Serves } from '../../../host/networks/registry.js';
import { type HostPaths, hostPaths } from '../../../host/paths.js';
import type { NetworkStatus } from '../../../host/state/status.js';

export interface TestRegistry {
  registry: Registry;
  paths: HostPaths;
  started: string[];
  /** How many times a change ran reconcile, and what each said comes next. */
  reconciles: { count: number; next: (NextChange | undefined)[] };
  /** Removes the temp state root. */
  remove: () => void;
}

export function registryInTempRoot(serves: Serves, prefix: string): TestRegistry {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const paths = hostPaths({
    SWITCHYARD_CONFIG_DIR: join(root, 'config'),
    SWITCHYARD_RUN_DIR: join(root, 'run'),
    SWITCHYARD_STATE_DIR: join(root, 'state'),
  });
  const started: string[] = [];
  const reconciles = { count: 0, next: [] as (NextChange | undefined)[] };
  const engine: EnginePort = {
    start: async (def: NetworkDef) => {
      started.push(def.name);
      return { name: def.name } as NetworkStatus;
    },
    stop: async () => {},
    reconcile: async (next) => {
      reconciles.count++;
      reconciles.next.push(next);
    },
    hostLinkNames: async () => [],
    hostSubnets: async () => [],
    doctor: async () => ({ ok: true, complete: true, checked: [], findings: [] }),
    repair: async () => ({ ok: true, complete: true, checked: [], findings: [] }),
  };
  return {
    registry: new Registry(paths, engine, serves),
    paths,
    started,
    reconciles,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
