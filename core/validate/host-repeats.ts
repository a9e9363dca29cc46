// Which DHCP hosts repeat the mac or ip of an earlier host. The editor lints on
// every keystroke, and filling Sets with thousands of keys was the slowest part
// of validating a large network. Repeats are rare, so a sorted copy of the
// numeric keys first tells whether there can be any; the Sets, which give the
// exact answer in host order, are only built when it finds some.

export interface HostKeys {
  /** The 48-bit MAC value, or undefined when the host has no valid mac. */
  mac: number | undefined;
  /** Equal for equal addresses: the number for IPv4, inet_ntop's text for IPv6. */
  ip: number | string | undefined;
}

export type Repeated = 'mac' | 'ip' | undefined;

/**
 * Returns a function to call, in host order, for each host that passed its own
 * checks: it says which key an earlier such host already had. The mac is checked
 * first, and a host that repeats a mac does not claim its ip.
 */
export function repeatChecker(all: readonly HostKeys[]): (keys: HostKeys) => Repeated {
  if (!mayRepeat(all)) return () => undefined;
  const macs = new Set<number>();
  const ips = new Set<number | string>();
  return (keys) => {
    if (keys.mac !== undefined) {
      if (macs.has(keys.mac)) return 'mac';
      macs.add(keys.mac);
    }
    if (keys.ip !== undefined) {
      if (ips.has(keys.ip)) return 'ip';
      ips.add(keys.ip);
    }
    return undefined;
  };
}

/** False only when no two hosts at all share a mac or an ip; IPv6 (text) keys always answer true. */
function mayRepeat(all: readonly HostKeys[]): boolean {
  const macs = new Float64Array(all.length);
  const ips = new Float64Array(all.length);
  let macCount = 0;
  let ipCount = 0;
  // Indexed: measured, for-of here allocated an iterator result per host (the
  // function runs once per validation, too rarely for V8 to optimise it fully).
  for (let i = 0; i < all.length; i++) {
    const keys = all[i]!;
    if (typeof keys.ip === 'string') return true;
    if (keys.mac !== undefined) macs[macCount++] = keys.mac;
    if (keys.ip !== undefined) ips[ipCount++] = keys.ip;
  }
  return (
    hasEqualNeighbours(macs.subarray(0, macCount).sort()) ||
    hasEqualNeighbours(ips.subarray(0, ipCount).sort())
  );
}

function hasEqualNeighbours(sorted: Float64Array): boolean {
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return true;
  return false;
}
