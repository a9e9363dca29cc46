// The planner's view of the host: links and routes from `ip`, plus the networks our
// status files say are running (their subnets show up as their bridges' routes);
// for a network with firewall rules, which of the host's iptables chains drop; for
// a definition that asks for port isolation, what the kernel can do; and the ports
// the network's last stop remembered that can be plugged back in.
import {
  chainDropEvidence,
  guestFamilies,
  HOST_CHAINS,
  type IptablesListing,
  wantsFirewall,
} from '../../core/firewall/index.js';
import type { IpFamily, NetworkDef } from '../../core/model/index.js';
import { type HostChainFacts, type HostFacts, wantsIsolation } from '../../core/plan/index.js';
import { readIptables } from '../exec/iptables.js';
import { type LinkState, readLinkState } from '../exec/read-links.js';
import { readKernelFacts } from '../guests/kernel-facts.js';
import { formerPorts } from '../guests/remembered-ports-file.js';
import type { HostPaths } from '../paths.js';
import { readStatuses } from './active-statuses.js';

/**
 * CHAINS reads the host's iptables chains of the families DEF's guests use (or hands
 * over a reading reconcile made); asked only for a firewalled DEF: each family is a process start.
 */
export async function readHostFacts(
  paths: HostPaths,
  state?: LinkState,
  def?: NetworkDef,
  chains: (families: readonly IpFamily[]) => Promise<HostChainReading> = readHostChainListings,
): Promise<HostFacts> {
  const [links, hostChains] = await Promise.all([
    state ?? readLinkState(),
    def && wantsFirewall(def) ? chains(guestFamilies(def)).then((r) => r.facts) : undefined,
  ]);
  const activeNetworks = readStatuses(paths).flatMap((e) =>
    e.status ? [{ name: e.status.name, bridge: e.status.bridge, subnets: [] }] : [],
  );
  const facts: HostFacts = {
    links: links.links.map((l) => l.name),
    routes: links.routes,
    activeNetworks,
    ...(hostChains ? { hostChains } : {}),
  };
  if (!def) return facts;
  const ports = formerPorts(paths, def.name);
  return {
    ...facts,
    ...(wantsIsolation(def) ? { kernel: await readKernelFacts() } : {}),
    ...(ports.length ? { formerPorts: ports } : {}),
  };
}

export interface HostChainReading {
  facts: Partial<Record<IpFamily, HostChainFacts>>;
  listings: Partial<Record<IpFamily, IptablesListing>>;
}

/** The filter tables of FAMILIES (both by default), read at the same time. */
export async function readHostChainListings(
  families: readonly IpFamily[] = ['ipv4', 'ipv6'],
): Promise<HostChainReading> {
  const listings = await Promise.all(families.map((f) => readIptables(f)));
  const reading: HostChainReading = { facts: {}, listings: {} };
  for (const [i, family] of families.entries()) {
    const listing = listings[i];
    if (!listing) continue;
    reading.listings[family] = listing;
    reading.facts[family] = dropFacts(listing);
  }
  return reading;
}

function dropFacts(listing: IptablesListing): HostChainFacts {
  const drops: HostChainFacts['drops'] = {};
  for (const chain of HOST_CHAINS) {
    const evidence = chainDropEvidence(listing, chain);
    if (evidence) drops[chain] = evidence;
  }
  return { drops };
}
