// Character and entity references. Only XML's five predefined entities exist:
// DTDs are refused, so no document can declare more, and nothing ever expands
// into more text than the reference itself (no "billion laughs").
import { isNameChar, isNameStart, isXmlChar } from './xml-chars.js';

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

export interface DecodedReference {
  text: string;
  /** Offset just after the ';'. */
  end: number;
}

/** Reads the reference starting at the '&' at `start`. */
export function readReference(text: string, start: number): DecodedReference {
  let i = start + 1;
  if (text.charCodeAt(i) === 0x23 /* # */) return readCharReference(text, start);
  if (!isNameStart(text.charCodeAt(i)))
    throw new XmlSyntaxError("'&' must start a reference such as '&amp;'", start);
  while (isNameChar(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x3b /* ; */)
    throw new XmlSyntaxError("entity reference is missing its ';'", start);
  const name = text.slice(start + 1, i);
  const value = PREDEFINED[name];
  if (value === undefined) {
    throw new XmlSyntaxError(
      `undefined entity '&${name};' (only &lt; &gt; &amp; &apos; &quot; and character references exist)`,
      start,
    );
  }
  return { text: value, end: i + 1 };
}

function readCharReference(text: string, start: number): DecodedReference {
  let i = start + 2;
  const hex = text.charCodeAt(i) === 0x78; /* x */
  if (hex) i++;
  const digitsStart = i;
  let code = 0;
  for (;;) {
    const d = digitValue(text.charCodeAt(i), hex);
    if (d < 0) break;
    code = code * (hex ? 16 : 10) + d;
    // Stop accumulating early: anything past U+10FFFF is invalid anyway.
    if (code > 0x10ffff) code = 0x110000;
    i++;
  }
  if (i === digitsStart || text.charCodeAt(i) !== 0x3b) {
    throw new XmlSyntaxError('malformed character reference (expected &#NNN; or &#xHHH;)', start);
  }
  if (!isXmlChar(code)) {
    throw new XmlSyntaxError(
      `character reference ${text.slice(start, i + 1)} is not an allowed XML character`,
      start,
    );
  }
  return { text: String.fromCodePoint(code), end: i + 1 };
}

function digitValue(c: number, hex: boolean): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (!hex) return -1;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/**
 * An attribute value between its quotes: references decoded, and each literal
 * tab or line end turned into a space (XML 1.0 section 3.3.3; references keep
 * their character).
 */
export function decodeAttributeValue(text: string, start: number, end: number): string {
  let out = '';
  let runStart = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3c /* < */) throw new XmlSyntaxError("'<' is not allowed in an attribute value", i);
    if (c === 0x26 /* & */) {
      const ref = readReference(text, i);
      if (ref.end > end) throw new XmlSyntaxError("entity reference is missing its ';'", i);
      out += text.slice(runStart, i) + ref.text;
      i = ref.end - 1;
      runStart = ref.end;
    } else if (c === 0x0a || c === 0x09) {
      out += `${text.slice(runStart, i)} `;
      runStart = i + 1;
    }
  }
  return out + text.slice(runStart, end);
}
