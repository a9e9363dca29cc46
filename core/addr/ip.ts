// IPv4/IPv6 addresses as (family, bigint). Parsing is as strict as inet_pton so a
// definition accepted here is one libvirt accepts; formatting matches glibc's
// inet_ntop so printed addresses equal what libvirt prints.

export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

export const IPV4_BITS = 32;
export const IPV6_BITS = 128;

export function familyBits(family: 4 | 6): number {
  return family === 4 ? IPV4_BITS : IPV6_BITS;
}

export function parseIp(text: string): IpAddress | undefined {
  return text.includes(':') ? parseIpv6(text) : parseIpv4(text);
}

/** Whether parseIp accepts `text`, without building a bigint for the common IPv4 case. */
export function isIpAddress(text: string): boolean {
  return ipv4ToNumber(text) !== undefined || parseIp(text) !== undefined;
}

/** Dotted quad, each part 0-255 in decimal without leading zeros (inet_pton). */
export function parseIpv4(text: string): IpAddress | undefined {
  const value = ipv4ToNumber(text);
  return value === undefined ? undefined : { family: 4, value: BigInt(value) };
}

const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/**
 * parseIpv4's rules, giving the address as a plain number (0 to 2^32-1). Rules that
 * run once per DHCP host use it: a hand-written scan and no bigint keep the editor's
 * lint of a 5,000-host network within its budget.
 */
export function ipv4ToNumber(text: string): number | undefined {
  let parts = 0;
  let value = 0;
  let octet = 0;
  let digits = 0;
  // One step past the end stands for a final '.', which closes the last part.
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : DOT;
    if (c === DOT) {
      if (digits === 0 || octet > 255 || ++parts > 4) return undefined;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
    } else if (c >= DIGIT_0 && c <= DIGIT_9) {
      // A leading zero is only allowed as the whole part ('0', not '01').
      if (digits > 0 && octet === 0) return undefined;
      octet = octet * 10 + (c - DIGIT_0);
      if (++digits > 3) return undefined;
    } else {
      return undefined;
    }
  }
  return parts === 4 ? value : undefined;
}

/** Hex groups with at most one `::` and an optional dotted-quad tail; no zone id. */
export function parseIpv6(text: string): IpAddress | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseGroups(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '', true) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  // '::' stands for at least one zero group; without it all 8 must be written.
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(Math.max(missing, 0)).fill(0), ...tail];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return { family: 6, value };
}

/** Groups of one side of '::'; an IPv4 tail (two groups) is allowed only at the very end. */
function parseGroups(text: string, mayEndWithIpv4: boolean): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: number[] = [];
  for (const [i, part] of parts.entries()) {
    if (i === parts.length - 1 && mayEndWithIpv4 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return undefined;
      groups.push(Number(v4.value >> 16n), Number(v4.value & 0xffffn));
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      groups.push(Number.parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

export function formatIp(a: IpAddress): string {
  return a.family === 4 ? formatIpv4(a.value) : formatIpv6(a.value);
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

function formatIpv6(value: bigint): string {
  const words = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  const run = longestZeroRun(words);
  // glibc prints IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d) with a dotted tail.
  const dottedTail = run.start === 0 && (run.length === 6 || (run.length === 5 && words[5] === 0xffff));
  const hexCount = dottedTail ? 6 : 8;
  let out = '';
  for (let i = 0; i < hexCount; i++) {
    if (i === run.start) {
      out += '::';
      i += run.length - 1;
      continue;
    }
    if (out !== '' && !out.endsWith('::')) out += ':';
    out += (words[i] ?? 0).toString(16);
  }
  if (dottedTail) out += (out.endsWith(':') ? '' : ':') + formatIpv4(value & 0xffffffffn);
  return out;
}

/** Longest run of at least two zero words, the first one on a tie (RFC 5952). */
function longestZeroRun(words: number[]): { start: number; length: number } {
  let best = { start: -1, length: 0 };
  let start = -1;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && words[i] === 0) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start > best.length) best = { start, length: i - start };
    start = -1;
  }
  return best.length >= 2 ? best : { start: -1, length: 0 };
}

export function ipEquals(a: IpAddress, b: IpAddress): boolean {
  return a.family === b.family && a.value === b.value;
}

/** Orders IPv4 before IPv6, then numerically. */
export function compareIp(a: IpAddress, b: IpAddress): number {
  if (a.family !== b.family) return a.family - b.family;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}
