// Update failures read like validation problems: network, element as written in the
// snippet, its line:column in the snippet, and what is wrong.
import type { NetworkDef, Pos } from '../model/network.js';
import type { Problem, Result } from '../result.js';
import { position, quote } from '../validate/problem-text.js';

export type Failure = { ok: false; error: Problem };

export function updateFailure(
  def: Pick<NetworkDef, 'name'>,
  what: string,
  at: Pos | undefined,
  text: string,
): Failure {
  const message = `network ${quote(def.name)}: ${what}${position(at)} ${text}`;
  return { ok: false, error: { code: 'validation', message, network: def.name, ...(at ? { at } : {}) } };
}

/** A failure about the network as a whole (no element of the snippet to point at). */
export function networkFailure(def: Pick<NetworkDef, 'name'>, text: string): Failure {
  return {
    ok: false,
    error: { code: 'validation', message: `network ${quote(def.name)}: ${text}`, network: def.name },
  };
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
