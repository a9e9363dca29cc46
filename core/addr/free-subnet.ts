// Picking a subnet for a new network that collides with nothing the host uses,
// and a random IPv6 ULA prefix (RFC 4193).
import { type Cidr, cidrsOverlap } from './cidr.js';
import type { IpAddress } from './ip.js';

export interface SuggestOptions {
  /** Size of the suggested subnet; 24 unless given (must be 16..30). */
  prefix?: number;
}

function v4(a: number, b: number, c: number, d: number): IpAddress {
  return { family: 4, value: BigInt(((a << 24) >>> 0) + (b << 16) + (c << 8) + d) };
}

/**
 * Candidates in the order users expect: libvirt's 192.168.122.0/24 first and the
 * ones right after it, then the rest of 192.168/16, then 10/8, then 172.16/12.
 */
function* candidates(prefix: number): Generator<IpAddress> {
  const step = 1n << BigInt(32 - prefix);
  const blocks: [IpAddress, IpAddress][] = [
    [v4(192, 168, 122, 0), v4(192, 168, 255, 255)],
    [v4(192, 168, 0, 0), v4(192, 168, 121, 255)],
    [v4(10, 0, 0, 0), v4(10, 255, 255, 255)],
    [v4(172, 16, 0, 0), v4(172, 31, 255, 255)],
  ];
  for (const [first, last] of blocks) {
    for (let value = first.value; value + step - 1n <= last.value; value += step) {
      yield { family: 4, value };
    }
  }
}

export function suggestFreeSubnet(inUse: Cidr[], opts: SuggestOptions = {}): Cidr | undefined {
  const prefix = opts.prefix ?? 24;
  for (const address of candidates(prefix)) {
    const candidate = { address, prefix };
    if (!inUse.some((used) => cidrsOverlap(used, candidate))) return candidate;
  }
  return undefined;
}

/** fd00::/8 plus a 40-bit random global id, subnet 0: fdXX:XXXX:XXXX::/64. */
export function generateUlaPrefix(random: () => number): Cidr {
  let globalId = 0n;
  for (let i = 0; i < 5; i++) {
    const byte = Math.min(255, Math.max(0, Math.floor(random() * 256)));
    globalId = (globalId << 8n) | BigInt(byte);
  }
  const value = ((0xfdn << 40n) | globalId) << 80n;
  return { address: { family: 6, value }, prefix: 64 };
}
