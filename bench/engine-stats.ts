// Summaries of timing samples for the engine benchmark: medians are what the table
// compares, min/max show how noisy the run was.
export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
}

export function summarize(xs: readonly number[]): Summary | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return { n: s.length, median, min: s[0] as number, max: s[s.length - 1] as number };
}

export const medianOf = (xs: readonly number[]): number | undefined => summarize(xs)?.median;

/** Named series of samples (ms, kB, …), filled as the run goes. */
export class Samples {
  private readonly series = new Map<string, number[]>();

  add(key: string, value: number): void {
    const list = this.series.get(key) ?? [];
    list.push(value);
    this.series.set(key, list);
  }

  get(key: string): number[] {
    return this.series.get(key) ?? [];
  }

  summary(key: string): Summary | undefined {
    return summarize(this.get(key));
  }

  keys(): string[] {
    return [...this.series.keys()];
  }

  toJSON(): Record<string, number[]> {
    return Object.fromEntries(this.series);
  }
}

/** A number for the table: 1 decimal below 100, none above; '-' when absent. */
export function fmt(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '-';
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(1);
}

/** libvirt / Switchyard, as 'N.N×'. */
export function ratio(libvirt: number | undefined, switchyard: number | undefined): string {
  if (libvirt === undefined || switchyard === undefined || switchyard <= 0) return '-';
  const r = libvirt / switchyard;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toPrecision(2)}×`;
}
