// Offset -> 1-based line:column. The parser asks in increasing offset order, so a
// cursor that only moves forward makes each lookup O(1) amortised; a backwards
// request (an error reported at an earlier point) falls back to binary search.
import type { XmlPosition } from './xml-tree.js';

export class LineMap {
  private readonly starts: number[] = [0];
  private cursor = 0;

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): XmlPosition {
    this.seek(offset);
    return { line: this.cursor + 1, col: offset - (this.starts[this.cursor] ?? 0) + 1 };
  }

  /** Line of `offset`; with column() after it, an allocation-free position for the hot path. */
  line(offset: number): number {
    this.seek(offset);
    return this.cursor + 1;
  }

  /** Column of `offset`, which must be on the line the last line() call found. */
  column(offset: number): number {
    return offset - (this.starts[this.cursor] ?? 0) + 1;
  }

  private seek(offset: number): void {
    const starts = this.starts;
    if ((starts[this.cursor] ?? 0) > offset) this.cursor = this.search(offset);
    while (this.cursor + 1 < starts.length && (starts[this.cursor + 1] ?? 0) <= offset) this.cursor++;
  }

  private search(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
