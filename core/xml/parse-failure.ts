// How reading the tree into the model reports a problem: one line naming the
// network, the element (with the offending attribute) and its position, e.g.
// `network 'lab': <bridge stp='maybe'> (line 4:3): stp must be 'on' or 'off'`.
// Readers throw ParseFailure; parseNetworkXml turns it into a Result.
import type { Pos } from '../model/network.js';
import type { Problem } from '../result.js';
import type { XmlElement } from './xml-tree.js';

export class ParseFailure extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

const MAX_SHOWN = 80;
const NAMED: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\\': '\\\\', "'": "\\'" };

/** A value in single quotes, on one line and of bounded length, whatever it contains. */
export function quoteValue(value: string): string {
  const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
  const escaped = shown.replace(/[\\'\x00-\x1f\x7f-\x9f\u2028\u2029]/g, (ch) => {
    return NAMED[ch] ?? `\\x${(ch.codePointAt(0) ?? 0).toString(16).padStart(2, '0')}`;
  });
  return `'${escaped}'`;
}

export function positionOf(el: XmlElement): Pos {
  return { line: el.line, col: el.col };
}

/** `<bridge stp='maybe'>`: the element with just the attribute the message is about. */
function elementWithAttribute(el: XmlElement, attrName: string | undefined): string {
  const attr = attrName === undefined ? undefined : el.attrs.find((a) => a.name === attrName);
  return attr ? `<${el.name} ${attr.name}=${quoteValue(attr.value)}>` : `<${el.name}>`;
}

/** Reading context: the network's name once known, for every message. */
export class ReadContext {
  constructor(readonly network: string | undefined) {}

  fail(el: XmlElement, text: string, attrName?: string): never {
    const at = positionOf(el);
    const prefix = this.network === undefined ? '' : `network ${quoteValue(this.network)}: `;
    const message = `${prefix}${elementWithAttribute(el, attrName)} (line ${at.line}:${at.col}): ${text}`;
    const problem: Problem =
      this.network === undefined
        ? { code: 'xml-parse', message, at }
        : { code: 'xml-parse', message, network: this.network, at };
    throw new ParseFailure(problem);
  }
}
