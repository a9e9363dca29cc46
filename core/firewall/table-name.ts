// Each network's rules live in one nftables table named after its bridge: bridge
// names are unique on a host, and reconcile can map a leftover table back to its
// bridge. Network names never go into the identifier (they may hold quotes,
// spaces or ';').
import type { NetworkDef } from '../model/network.js';

export const TABLE_PREFIX = 'switchyard_';

/**
 * 'switchyard_' + the bridge name with [A-Za-z0-9] kept and every other byte
 * (including '_') written as '_' + two hex digits, so the map is injective and the
 * result is a plain nft identifier that needs no quoting.
 */
export function tableNameFor(_def: Pick<NetworkDef, 'name'> | undefined, bridge: string): string {
  let out = TABLE_PREFIX;
  for (const byte of new TextEncoder().encode(bridge)) {
    const ch = String.fromCharCode(byte);
    out += /^[A-Za-z0-9]$/.test(ch) ? ch : `_${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** The bridge a table of ours belongs to, or undefined for any other table. */
export function bridgeFromTableName(table: string): string | undefined {
  if (!table.startsWith(TABLE_PREFIX)) return undefined;
  const body = table.slice(TABLE_PREFIX.length);
  if (!/^([A-Za-z0-9]|_[0-9a-f]{2})+$/.test(body)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '_') {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(body.charCodeAt(i));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}
