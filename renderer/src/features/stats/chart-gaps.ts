// Where sampling stopped (the network was down, the window slept, nobody watched), the
// chart must show a gap, not a straight line across it. uPlot breaks a line at a null,
// so a null point goes into every gap wider than a few sampling steps.

/** A gap is wider than this many sampling steps (a late tick or two is not a gap). */
const GAP_STEPS = 2.5;

/** Times in seconds (uPlot's x) and each series' values, with nulls inserted at gaps. */
export function breakGaps(
  at: readonly number[],
  cols: readonly (readonly number[])[],
): { at: number[]; cols: (number | null)[][]; gaps: number } {
  const step = typicalStep(at);
  const outAt: number[] = [];
  const outCols: (number | null)[][] = cols.map(() => []);
  let gaps = 0;
  for (let i = 0; i < at.length; i++) {
    const t = at[i] as number;
    const prev = at[i - 1];
    if (prev !== undefined && step !== undefined && t - prev > step * GAP_STEPS) {
      outAt.push((prev + t) / 2);
      for (const c of outCols) c.push(null);
      gaps++;
    }
    outAt.push(t);
    cols.forEach((c, k) => {
      outCols[k]?.push(c[i] ?? null);
    });
  }
  return { at: outAt, cols: outCols, gaps };
}

/**
 * The sampling step: the median distance between points (live 1 s, history coarser).
 * The median, because one pair of points that came close together (a history point
 * beside a live one) must not make every ordinary step look like a gap.
 */
function typicalStep(at: readonly number[]): number | undefined {
  const steps: number[] = [];
  for (let i = 1; i < at.length; i++) {
    const d = (at[i] as number) - (at[i - 1] as number);
    if (d > 0) steps.push(d);
  }
  if (steps.length === 0) return undefined;
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)];
}
