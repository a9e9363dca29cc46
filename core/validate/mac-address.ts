// MAC addresses as libvirt's virMacAddrParse reads them: six groups of one or two
// hex digits separated by ':'; whatever follows a blank or control character after
// the sixth group is ignored (libvirt does the same).

const MAC_GROUPS = 6;
const COLON = 0x3a;
/** Blanks and control characters: the ones that may end a MAC early. */
const LAST_BLANK = 0x20;
/** 2^40: dividing by it leaves the first octet. */
const FIRST_OCTET_SHIFT = 2 ** 40;

export function parseMac(text: string): number[] | undefined {
  const value = macToNumber(text);
  if (value === undefined) return undefined;
  const octets: number[] = [];
  for (let shift = FIRST_OCTET_SHIFT; shift >= 1; shift /= 256) octets.push(Math.floor(value / shift) % 256);
  return octets;
}

/**
 * parseMac's rules, giving the 48-bit value as a number (exact below 2^53). The
 * DHCP host rules run once per host, so they key duplicates by it and scan by
 * hand instead of through a regex and an array of octets.
 */
export function macToNumber(text: string): number | undefined {
  let value = 0;
  let i = 0;
  for (let group = 0; group < MAC_GROUPS; group++) {
    if (group > 0 && text.charCodeAt(i++) !== COLON) return undefined;
    const high = hexDigit(text.charCodeAt(i));
    if (high < 0) return undefined;
    const low = hexDigit(text.charCodeAt(i + 1));
    value = value * 256 + (low < 0 ? high : high * 16 + low);
    i += low < 0 ? 1 : 2;
  }
  // Only the end of the text, or a blank or control character, may follow.
  return i === text.length || text.charCodeAt(i) <= LAST_BLANK ? value : undefined;
}

/** 0-15, or -1 for anything else (including NaN past the end of the text). */
function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** The group bit (lowest bit of the first octet) marks multicast and broadcast addresses. */
export function isMulticastMac(octets: number[]): boolean {
  return ((octets[0] ?? 0) & 1) === 1;
}

/** isMulticastMac for a macToNumber value. */
export function isMulticastMacNumber(value: number): boolean {
  return Math.floor(value / FIRST_OCTET_SHIFT) % 2 === 1;
}
