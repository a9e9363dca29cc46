import { describe, expect, it } from 'vitest';
import { type LineEvent, LineSplitter } from '../../../helper/line-splitter.js';

const text = (events: LineEvent[]): string[] =>
  events.map((e) => (e.kind === 'line' ? e.bytes.toString('utf8') : `<oversized ${e.bytes}>`));

describe('line splitter', () => {
  it('cuts lines across chunk boundaries', () => {
    const s = new LineSplitter(100);
    expect(text(s.push(Buffer.from('ab')))).toEqual([]);
    expect(text(s.push(Buffer.from('c\nde\n\nf')))).toEqual(['abc', 'de', '']);
    expect(text(s.end())).toEqual(['f']);
  });

  it('reports an oversized line once and reads the next one normally', () => {
    const s = new LineSplitter(10);
    expect(text(s.push(Buffer.from('0123456789')))).toEqual([]);
    expect(text(s.push(Buffer.from('abc')))).toEqual([]);
    expect(text(s.push(Buffer.alloc(1000, 0x41)))).toEqual([]);
    expect(text(s.push(Buffer.from('x\nok\n')))).toEqual(['<oversized 1014>', 'ok']);
  });

  it('accepts a line of exactly the limit', () => {
    const s = new LineSplitter(4);
    expect(text(s.push(Buffer.from('abcd\nabcde\n')))).toEqual(['abcd', '<oversized 5>']);
  });

  it('holds no more than the limit while skipping', () => {
    const s = new LineSplitter(8);
    for (let i = 0; i < 1000; i++) s.push(Buffer.alloc(1024, 0x42));
    expect((s as unknown as { held: number }).held).toBe(0);
    expect(text(s.end())).toEqual(['<oversized 1024000>']);
  });
});
