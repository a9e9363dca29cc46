// The planner's view of the host: links and routes from `ip`, plus the networks our
// status files say are running (their subnets show up as their bridges' routes).
import type { HostFacts } from '../../core/plan/index.js';
import { type LinkState, readLinkState } from '../exec/read-links.js';
import type { HostPaths } from '../paths.js';
import { readStatuses } from './active-statuses.js';

export async function readHostFacts(paths: HostPaths, state?: LinkState): Promise<HostFacts> {
  const links = state ?? (await readLinkState());
  const activeNetworks = readStatuses(paths).flatMap((e) =>
    e.status ? [{ name: e.status.name, bridge: e.status.bridge, subnets: [] }] : [],
  );
  return { links: links.links.map((l) => l.name), routes: links.routes, activeNetworks };
}
