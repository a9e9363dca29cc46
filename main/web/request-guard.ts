// The web shell's defences, as pure checks: the per-run token (so other local users
// and other sites cannot drive it), the Host header (against DNS rebinding: a page on
// evil.example resolving to 127.0.0.1 still sends Host: evil.example) and the Origin
// of the WebSocket (browsers let any site open sockets to localhost).
import { timingSafeEqual } from 'node:crypto';

export interface GuardConfig {
  token: string;
  /** The port the browser sees (differs from ours behind the playground's forwarder). */
  publicPort: number;
}

export function allowedHosts(publicPort: number): string[] {
  return [`127.0.0.1:${publicPort}`, `localhost:${publicPort}`];
}

export function hostAllowed(host: string | undefined, cfg: GuardConfig): boolean {
  return host !== undefined && allowedHosts(cfg.publicPort).includes(host.toLowerCase());
}

export function originAllowed(origin: string | undefined, cfg: GuardConfig): boolean {
  return (
    origin !== undefined && allowedHosts(cfg.publicPort).some((h) => origin.toLowerCase() === `http://${h}`)
  );
}

export function tokenValid(given: string | null | undefined, cfg: GuardConfig): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(cfg.token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type Refusal = { status: 403 | 421; reason: string } | undefined;

/** The page itself: right Host and the token in the query. */
export function checkPageRequest(host: string | undefined, token: string | null, cfg: GuardConfig): Refusal {
  if (!hostAllowed(host, cfg)) return { status: 421, reason: 'unexpected Host header' };
  if (!tokenValid(token, cfg)) return { status: 403, reason: 'missing or wrong token' };
  return undefined;
}

/** The socket: right Host, our own page as Origin, and the token. */
export function checkSocketRequest(
  host: string | undefined,
  origin: string | undefined,
  token: string | null,
  cfg: GuardConfig,
): Refusal {
  if (!hostAllowed(host, cfg)) return { status: 421, reason: 'unexpected Host header' };
  if (!originAllowed(origin, cfg)) return { status: 403, reason: 'unexpected Origin' };
  if (!tokenValid(token, cfg)) return { status: 403, reason: 'missing or wrong token' };
  return undefined;
}
