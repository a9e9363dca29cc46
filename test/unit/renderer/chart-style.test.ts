import { describe, expect, it } from 'vitest';
import { chartColors, lineStyles, withAlpha } from '../../../renderer/src/features/stats/chart-style.js';

describe("the rate chart's colours", () => {
  it('come from the theme, so dark mode gets light labels', () => {
    const dark: Record<string, string> = {
      '--muted': ' #9aa5b1',
      '--border': '#30363d',
      '--chart-rx': '#58a6ff',
      '--chart-tx': '#f0883e',
    };
    expect(chartColors((p) => dark[p] ?? '')).toEqual({
      labels: '#9aa5b1',
      grid: '#30363d',
      rx: '#58a6ff',
      rxFill: 'rgba(88, 166, 255, 0.12)',
      tx: '#f0883e',
    });
  });

  it('give a hex colour an alpha, short or long, and leave other colours alone', () => {
    expect(withAlpha('#1f5fbf', 0.5)).toBe('rgba(31, 95, 191, 0.5)');
    expect(withAlpha('#fff', 0.1)).toBe('rgba(255, 255, 255, 0.1)');
    expect(withAlpha('rgb(1 2 3)', 0.1)).toBe('rgb(1 2 3)');
  });

  it('draw tx dashed and thinner over rx, so both show where the rates are equal', () => {
    const colors = chartColors((p) => (p === '--chart-rx' ? '#1f5fbf' : '#c2410c'));
    const [rx, tx] = lineStyles(colors);
    expect(rx.dash).toBeUndefined();
    expect(tx.dash?.length).toBe(2);
    expect(tx.width).toBeLessThan(rx.width);
    expect(tx.stroke).not.toBe(rx.stroke);
  });
});
