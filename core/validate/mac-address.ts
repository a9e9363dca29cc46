// MAC addresses as libvirt's virMacAddrParse reads them: six groups of one or two
// hex digits separated by ':'; whatever follows a blank or control character after
// the sixth group is ignored (libvirt does the same).

export function parseMac(text: string): number[] | undefined {
  const match =
    /^([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})(?:$|[\x00-\x20])/.exec(
      text,
    );
  return match ? match.slice(1, 7).map((h) => Number.parseInt(h, 16)) : undefined;
}

/** The group bit (lowest bit of the first octet) marks multicast and broadcast addresses. */
export function isMulticastMac(octets: number[]): boolean {
  return ((octets[0] ?? 0) & 1) === 1;
}
