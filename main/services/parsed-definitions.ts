// The list's rows are rebuilt on every file event in the state dirs, and a lease
// renewal is one: parsing, validating and formatting every network's saved and live
// XML each time would cost ~1 ms per network for nothing. The parsed definitions are
// kept per network, keyed by the XML texts' digest, so only a network whose XML
// actually changed is parsed again; the key is the content itself, so it cannot go stale.
import { createHash } from 'node:crypto';
import { readNetworkDefinition } from '../../core/definition.js';
import type { NetworkDef } from '../../core/model/index.js';
import { liveDefinition } from '../../core/plan/index.js';
import { formatNetworkXml } from '../../core/xml/index.js';
import type { HostPaths } from '../../host/paths.js';
import { readActive, readDefinitionXml } from '../../host/state/index.js';

export interface ParsedPair {
  live: NetworkDef | undefined;
  saved: NetworkDef | undefined;
  /** The running network differs from its saved definition. */
  pendingChanges: boolean;
}

/** The row's xmlDigest, and this cache's key: the saved and the live XML together. */
export function definitionDigest(saved: string | undefined, live: string | undefined): string {
  return createHash('sha256')
    .update(saved ?? '')
    .update('\0')
    .update(live ?? '')
    .digest('hex')
    .slice(0, 16);
}

export class ParsedDefinitions {
  private readonly byName = new Map<string, { digest: string; pair: ParsedPair }>();
  /** How many times XML was parsed (each network whose digest changed, once). */
  parses = 0;

  get(name: string, digest: string, savedXml: string | undefined, liveXml: string | undefined): ParsedPair {
    const cached = this.byName.get(name);
    if (cached?.digest === digest) return cached.pair;
    this.parses++;
    const live = liveXml === undefined ? undefined : parse(liveXml);
    const saved = savedXml === undefined ? undefined : parse(savedXml);
    const pair = {
      live,
      saved,
      pendingChanges: live !== undefined && saved !== undefined && !sameDefinition(live, saved),
    };
    this.byName.set(name, { digest, pair });
    return pair;
  }

  /** What the network runs with, else its saved definition, from the files as they are now. */
  current(paths: HostPaths, name: string): NetworkDef | undefined {
    const savedXml = readDefinitionXml(paths, name);
    const liveXml = readActive(paths, name)?.xml;
    const { live, saved } = this.get(name, definitionDigest(savedXml, liveXml), savedXml, liveXml);
    return live ?? saved;
  }

  /** Forgets networks that are gone, so the cache is as big as the list. */
  keepOnly(names: ReadonlySet<string>): void {
    for (const name of this.byName.keys()) if (!names.has(name)) this.byName.delete(name);
  }
}

function parse(xml: string): NetworkDef | undefined {
  const result = readNetworkDefinition(xml);
  return result.ok ? result.value : undefined;
}

/**
 * Compared as libvirt prints inactive XML, so status-only attributes do not count; the
 * live copy carries what a start fills in (the NAT port range), which is no pending change.
 */
function sameDefinition(live: NetworkDef, saved: NetworkDef): boolean {
  return (
    formatNetworkXml(live, { inactive: true }) === formatNetworkXml(liveDefinition(saved), { inactive: true })
  );
}
