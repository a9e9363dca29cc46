// The planner's view of the host: links and routes from `ip`, plus the networks our
// status files say are running (their subnets show up as their bridges' routes);
// for a definition that asks for port isolation, what the kernel can do; and the
// ports the network's last stop remembered that can be plugged back in.
import type { NetworkDef } from '../../core/model/network.js';
import { type HostFacts, wantsIsolation } from '../../core/plan/index.js';
import { type LinkState, readLinkState } from '../exec/read-links.js';
import { readKernelFacts } from '../guests/kernel-facts.js';
import { formerPorts } from '../guests/remembered-ports-file.js';
import type { HostPaths } from '../paths.js';
import { readStatuses } from './active-statuses.js';

export async function readHostFacts(
  paths: HostPaths,
  state?: LinkState,
  def?: NetworkDef,
): Promise<HostFacts> {
  const links = state ?? (await readLinkState());
  const activeNetworks = readStatuses(paths).flatMap((e) =>
    e.status ? [{ name: e.status.name, bridge: e.status.bridge, subnets: [] }] : [],
  );
  const facts: HostFacts = { links: links.links.map((l) => l.name), routes: links.routes, activeNetworks };
  if (!def) return facts;
  const ports = formerPorts(paths, def.name);
  return {
    ...facts,
    ...(wantsIsolation(def) ? { kernel: await readKernelFacts() } : {}),
    ...(ports.length ? { formerPorts: ports } : {}),
  };
}
