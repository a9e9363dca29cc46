// The host's iptables filter chains, read at most once per family per start. Each
// family's reading is a process start (iptables-nft lists the whole nft ruleset to
// answer). Reconcile reads them when running networks have rules there to keep; when
// the command goes on to start a network, reconcile also begins reading the families
// that network's guests use as it begins, beside its own work, and the start's plan
// takes those readings instead of reading again. What the plan takes from them is
// which chains drop what nobody accepted: reconcile's own inserts and removals
// (accepts with our comment) do not change that.
import type { IpFamily } from '../../core/model/index.js';
import { type EngineContext, RECONCILE_READING_MS } from './engine-context.js';
import { type HostChainReading, readHostChainListings } from './host-facts.js';

interface Kept {
  forStart: boolean;
  at: number;
  readings: Partial<Record<IpFamily, Promise<HostChainReading>>>;
}

const kept = new WeakMap<EngineContext['paths'], Kept>();
const BOTH: readonly IpFamily[] = ['ipv4', 'ipv6'];

/**
 * Called as reconcile begins: forgets any earlier reading, so no command sees another's.
 * START: a start follows whose guests use these families; they are read from now on.
 */
export function beginHostChainReading(ctx: EngineContext, start?: readonly IpFamily[]): void {
  const entry: Kept = { forStart: start !== undefined, at: performance.now(), readings: {} };
  kept.set(ctx.paths, entry);
  if (start?.length) beginReadings(entry, start);
}

/** Reconcile's reading of both families, kept for the start when one follows. */
export function readHostChainsInReconcile(ctx: EngineContext): Promise<HostChainReading> {
  const entry = kept.get(ctx.paths);
  return entry ? readInto(entry, BOTH) : readHostChainListings(BOTH);
}

/** What this command's reconcile read of FAMILIES (the rest read now), else all read fresh. */
export function takeHostChains(ctx: EngineContext, families: readonly IpFamily[]): Promise<HostChainReading> {
  const entry = kept.get(ctx.paths);
  kept.delete(ctx.paths);
  const fresh = entry?.forStart === true && performance.now() - entry.at < RECONCILE_READING_MS;
  return fresh && entry ? readInto(entry, families) : readHostChainListings(families);
}

/** FAMILIES from ENTRY, starting the reading of any not read yet. */
async function readInto(entry: Kept, families: readonly IpFamily[]): Promise<HostChainReading> {
  beginReadings(entry, families);
  const parts = await Promise.all(families.map((f) => entry.readings[f] as Promise<HostChainReading>));
  const merged: HostChainReading = { facts: {}, listings: {} };
  for (const part of parts) {
    Object.assign(merged.facts, part.facts);
    Object.assign(merged.listings, part.listings);
  }
  return merged;
}

function beginReadings(entry: Kept, families: readonly IpFamily[]): void {
  for (const family of families) {
    if (entry.readings[family]) continue;
    const reading = readHostChainListings([family]);
    // A reading begun ahead may never be taken (the command failed first): its failure
    // must not surface as an unhandled rejection. Whoever takes it still sees it.
    reading.catch(() => undefined);
    entry.readings[family] = reading;
  }
}
