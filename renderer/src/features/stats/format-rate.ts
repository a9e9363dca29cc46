// Rates as people read them: bit/s for links (what NICs are rated in), B/s for
// transfers, with SI prefixes (1 kbit/s = 1000 bit/s, as link speeds are quoted).
export type RateUnit = 'bit' | 'byte';

/** The suffix each unit's rates carry, which is also the unit picker's label. */
export const RATE_SUFFIX: Readonly<Record<RateUnit, string>> = { bit: 'bit/s', byte: 'B/s' };

const PREFIXES = ['', 'k', 'M', 'G', 'T'];

export function formatRate(bytesPerSecond: number, unit: RateUnit): string {
  const value = unit === 'bit' ? bytesPerSecond * 8 : bytesPerSecond;
  return `${scaled(value)} ${prefixOf(value)}${RATE_SUFFIX[unit]}`;
}

export function formatBytes(bytes: number): string {
  const i = prefixIndex(bytes);
  return `${(bytes / 1000 ** i).toFixed(i === 0 ? 0 : 1)} ${PREFIXES[i]}B`;
}

/** Packets, errors or drops per second: small counts keep a decimal, zero is "0". */
export function formatCount(perSecond: number): string {
  if (perSecond === 0) return '0';
  if (perSecond < 10) return perSecond.toFixed(1);
  return Math.round(perSecond).toLocaleString('en');
}

function prefixIndex(v: number): number {
  let i = 0;
  while (Math.abs(v) >= 1000 ** (i + 1) && i < PREFIXES.length - 1) i++;
  return i;
}

const prefixOf = (v: number): string => PREFIXES[prefixIndex(v)] ?? '';

function scaled(v: number): string {
  const i = prefixIndex(v);
  const x = v / 1000 ** i;
  if (i === 0) return x < 10 && x !== Math.floor(x) ? x.toFixed(1) : String(Math.round(x));
  return x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : String(Math.round(x));
}
