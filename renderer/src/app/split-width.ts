// The list/details split: how wide the list is, as a fraction of the window, kept
// within bounds that leave both panes usable, and remembered across sessions.
const KEY = 'switchyard.split';
export const SPLIT_DEFAULT = 0.5;
/** Smallest widths in px: the list's name/state/subnet columns, the details' toolbar. */
export const LIST_MIN_PX = 430;
export const DETAILS_MIN_PX = 420;

export function clampSplit(fraction: number, totalPx: number): number {
  if (!Number.isFinite(fraction)) return SPLIT_DEFAULT;
  if (totalPx <= LIST_MIN_PX + DETAILS_MIN_PX) return LIST_MIN_PX / Math.max(totalPx, 1);
  const lo = LIST_MIN_PX / totalPx;
  const hi = 1 - DETAILS_MIN_PX / totalPx;
  return Math.min(hi, Math.max(lo, fraction));
}

export function loadSplit(storage: Pick<Storage, 'getItem'>): number {
  const value = Number(storage.getItem(KEY));
  return value > 0 && value < 1 ? value : SPLIT_DEFAULT;
}

export function saveSplit(storage: Pick<Storage, 'setItem'>, fraction: number): void {
  storage.setItem(KEY, fraction.toFixed(4));
}
