// The host's iptables filter chains, read at most once per start. Each family's reading
// is a process start (~2 ms of blocked event loop here). Reconcile reads them only when
// running networks have rules there to keep; when the command goes on to start a
// network, that reading is kept and the start's plan uses it instead of reading again.
// What the plan takes from it is which chains drop what nobody accepted: reconcile's
// own inserts (accepts with our comment) do not change that.
import type { IpFamily } from '../../core/model/index.js';
import { type EngineContext, RECONCILE_READING_MS } from './engine-context.js';
import { type HostChainReading, readHostChainListings } from './host-facts.js';

interface Kept {
  forStart: boolean;
  reading?: Promise<HostChainReading>;
  at?: number;
}

const kept = new WeakMap<EngineContext['paths'], Kept>();

/** Called as reconcile begins: forgets any earlier reading, so no command sees another's. */
export function beginHostChainReading(ctx: EngineContext, forStart: boolean): void {
  kept.set(ctx.paths, { forStart });
}

/** Reconcile's reading of both families, kept for the start when one follows. */
export function readHostChainsInReconcile(ctx: EngineContext): Promise<HostChainReading> {
  const reading = readHostChainListings();
  const entry = kept.get(ctx.paths);
  if (entry?.forStart) kept.set(ctx.paths, { forStart: true, reading, at: performance.now() });
  return reading;
}

/** Reconcile's reading when this command made one just now, else FAMILIES read fresh. */
export function takeHostChains(ctx: EngineContext, families: readonly IpFamily[]): Promise<HostChainReading> {
  const entry = kept.get(ctx.paths);
  kept.delete(ctx.paths);
  const fresh =
    entry?.reading && entry.at !== undefined && performance.now() - entry.at < RECONCILE_READING_MS;
  return fresh && entry.reading ? entry.reading : readHostChainListings(families);
}
