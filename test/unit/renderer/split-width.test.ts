import { describe, expect, it } from 'vitest';
import { clampSplit, loadSplit, SPLIT_DEFAULT, saveSplit } from '../../../renderer/src/app/split-width.js';

describe('the list/details split', () => {
  it('keeps both panes usable', () => {
    expect(clampSplit(0.05, 1400)).toBeCloseTo(430 / 1400);
    expect(clampSplit(0.95, 1400)).toBeCloseTo(1 - 420 / 1400);
    expect(clampSplit(0.5, 1400)).toBe(0.5);
  });
  it('is remembered, and a missing or bad value gives the default', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(loadSplit(storage)).toBe(SPLIT_DEFAULT);
    saveSplit(storage, 0.37);
    expect(loadSplit(storage)).toBe(0.37);
    store.set('switchyard.split', 'wide');
    expect(loadSplit(storage)).toBe(SPLIT_DEFAULT);
  });
});
