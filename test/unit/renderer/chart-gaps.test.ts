import { describe, expect, it } from 'vitest';
import { breakGaps } from '../../../renderer/src/features/stats/chart-gaps.js';

describe('the rate chart across sampling gaps', () => {
  it('puts a null into a gap wider than a few samples, so the line breaks there', () => {
    const out = breakGaps([10, 11, 12, 40, 41], [[1, 2, 3, 4, 5]]);
    expect(out.at).toEqual([10, 11, 12, 26, 40, 41]);
    expect(out.cols).toEqual([[1, 2, 3, null, 4, 5]]);
    expect(out.gaps).toBe(1);
  });

  it('breaks every series at the same place', () => {
    const out = breakGaps(
      [1, 2, 3, 10, 11, 12, 30],
      [
        [5, 5, 5, 5, 5, 5, 5],
        [7, 7, 7, 7, 7, 7, 7],
      ],
    );
    expect(out.gaps).toBe(2);
    for (const col of out.cols)
      expect(col.map((v) => v === null)).toEqual(out.cols[0]?.map((v) => v === null));
  });

  it('leaves steady sampling, with some jitter, as it is', () => {
    const out = breakGaps([10, 11, 12.4, 13, 14], [[1, 2, 3, 4, 5]]);
    expect(out.at).toEqual([10, 11, 12.4, 13, 14]);
    expect(out.cols[0]).not.toContain(null);
    expect(out.gaps).toBe(0);
  });

  it('is not fooled by two points that came close together', () => {
    const out = breakGaps([10, 11, 12, 12.01, 13, 14, 15], [[1, 2, 3, 4, 5, 6, 7]]);
    expect(out.gaps).toBe(0);
  });

  it('measures the step in the data, so coarse history is not all gaps', () => {
    const minutes = [0, 60, 120, 180, 240, 600, 660];
    const out = breakGaps(minutes, [minutes.map(() => 1)]);
    expect(out.gaps).toBe(1);
    expect(out.at[5]).toBe(420);
  });
});
