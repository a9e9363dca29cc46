// Cuts the byte stream from stdin into lines without ever holding more than the
// limit: a line that grows past it is reported once and then skipped up to its
// newline, so an endless line costs no memory and the next line is read normally.
export type LineEvent = { kind: 'line'; bytes: Buffer } | { kind: 'oversized'; bytes: number };

export class LineSplitter {
  private parts: Buffer[] = [];
  private held = 0;
  private skipping = false;
  private skipped = 0;

  constructor(private readonly maxBytes: number) {}

  /** Feeds a chunk; returns the complete lines (and oversize notices) it finished. */
  push(chunk: Buffer): LineEvent[] {
    const out: LineEvent[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, nl === -1 ? chunk.length : nl);
      this.hold(piece);
      if (nl === -1) return out;
      out.push(this.finishLine());
      start = nl + 1;
    }
  }

  /** At end of input: a last line without a newline still counts. */
  end(): LineEvent[] {
    return this.held > 0 || this.skipping ? [this.finishLine()] : [];
  }

  private hold(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.skipping) {
      this.skipped += piece.length;
      return;
    }
    if (this.held + piece.length > this.maxBytes) {
      this.skipping = true;
      this.skipped = this.held + piece.length;
      this.parts = [];
      this.held = 0;
      return;
    }
    this.parts.push(Buffer.from(piece));
    this.held += piece.length;
  }

  private finishLine(): LineEvent {
    const event: LineEvent = this.skipping
      ? { kind: 'oversized', bytes: this.skipped }
      : { kind: 'line', bytes: Buffer.concat(this.parts, this.held) };
    this.parts = [];
    this.held = 0;
    this.skipping = false;
    this.skipped = 0;
    return event;
  }
}
