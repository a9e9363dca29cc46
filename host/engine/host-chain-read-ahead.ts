// The host's iptables filter chains, read once per start. Reading them costs two
// process starts (iptables and ip6tables, ~3.5 ms here); reconcile, which runs first
// under the same lock, starts that reading at the same time as its own `ip` reading
// when the command goes on to start a network, and both its restore of our accepts
// and the start's plan use the one answer. What the plan takes from it is which
// chains drop what nobody accepted: reconcile's own inserts (accepts with our comment)
// do not change that, so the reading stays good for the start that follows.
import type { EngineContext } from './engine-context.js';
import { type HostChainReading, readHostChainListings } from './host-facts.js';

/** How old a reading started ahead may be when the start takes it (they run back to back). */
const READ_AHEAD_MS = 1_000;

const readAhead = new WeakMap<EngineContext['paths'], { reading: Promise<HostChainReading>; at: number }>();

/**
 * Called as reconcile begins: starts reading the chains when a start follows, and
 * otherwise forgets any earlier reading, so no command sees another's.
 */
export function beginHostChainReading(ctx: EngineContext, forStart: boolean): void {
  if (!forStart) {
    readAhead.delete(ctx.paths);
    return;
  }
  const reading = readHostChainListings();
  // A failed reading is reported by whoever awaits it; left unawaited it must not crash.
  reading.catch(() => undefined);
  readAhead.set(ctx.paths, { reading, at: performance.now() });
}

/** The reading started ahead, left for the start; else a fresh one. */
export function peekHostChains(ctx: EngineContext): Promise<HostChainReading> {
  const ahead = readAhead.get(ctx.paths);
  return ahead && performance.now() - ahead.at < READ_AHEAD_MS ? ahead.reading : readHostChainListings();
}

/** The reading started ahead, taken (the next command reads again); else a fresh one. */
export function takeHostChains(ctx: EngineContext): Promise<HostChainReading> {
  const reading = peekHostChains(ctx);
  readAhead.delete(ctx.paths);
  return reading;
}
