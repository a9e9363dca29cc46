// Values libvirt stores parsed and prints in its own spelling: addresses
// (inet_ntop), MACs (lower-case, two digits per byte), UUIDs (lower-case 8-4-4-4-12),
// PCI address parts and virtualport ids (C numbers, printed hex or decimal).
// A value that does not parse is kept as written: the model holds it, and
// validation (core/validate) reports it with its own message.
import { formatIp, ipv4ToNumber, parseIp } from '../addr/ip.js';

export function canonicalIp(text: string): string {
  // A dotted quad inet_pton accepts is already spelled as inet_ntop prints it
  // (no leading zeros): skip the bigint round trip for the common case.
  if (ipv4ToNumber(text) !== undefined) return text;
  const parsed = parseIp(text);
  return parsed ? formatIp(parsed) : text;
}

/** virMacAddrParse: six groups of one or two hex digits; a blank may follow the last. */
export function canonicalMac(text: string): string {
  const match =
    /^([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})(?:$|[\x00-\x20])/.exec(
      text,
    );
  if (!match) return text;
  return match
    .slice(1, 7)
    .map((group) => group.toLowerCase().padStart(2, '0'))
    .join(':');
}

/** virUUIDParse: 32 hex digits, '-' or ' ' between digit pairs, blanks around. */
export function canonicalUuid(text: string): string {
  const trimmed = trimAsciiSpace(text);
  if (!/^(?:[- ]*[0-9a-fA-F]{2}){16}$/.test(trimmed)) return text;
  const hex = trimmed.replace(/[- ]/g, '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** g_ascii_isspace trimming, by index so no regex can backtrack over long blank runs. */
function trimAsciiSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** strtoul with base 0: 0x.. hex, 0.. octal, else decimal. */
export function parseCNumber(text: string): number | undefined {
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) return Number.parseInt(text.slice(2), 16);
  if (/^0[0-7]*$/.test(text)) return Number.parseInt(text, 8);
  if (/^[1-9][0-9]*$/.test(text)) return Number(text);
  return undefined;
}

/** A C number within `max`, printed as `print` does; otherwise the text as written. */
export function canonicalCNumber(text: string, max: number, print: (n: number) => string): string {
  const n = text === '' ? 0 : parseCNumber(text);
  return n !== undefined && n <= max ? print(n) : text;
}

export function hexPadded(width: number): (n: number) => string {
  return (n) => `0x${n.toString(16).padStart(width, '0')}`;
}
