// The pieces every validation message is built from, so all rules read alike:
// `network 'lab': <range start='10.0.0.2' end='10.0.1.9'> (line 7:7) is not entirely within 10.0.0.0/24`.
// Values come from user files and may hold quotes, newlines or other control
// characters; they are escaped so a message always stays on one line, and cut so
// it stays short.
import type { NetworkDef, Pos } from '../model/network.js';
import type { Problem } from '../result.js';
import type { RuleId } from './rule-ids.js';

const NAMED_ESCAPES: Record<string, string> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\\': '\\\\',
  "'": "\\'",
};

function escapeChar(ch: string): string {
  const named = NAMED_ESCAPES[ch];
  if (named) return named;
  const code = ch.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** Longest value quoted whole: a 3 MiB attribute value must not make a 3 MiB message. */
export const MAX_QUOTED_LENGTH = 64;

/**
 * A value in single quotes with backslash, quote and control characters escaped,
 * cut to MAX_QUOTED_LENGTH characters with '…' when longer.
 */
export function quote(value: string | number): string {
  const text = String(value);
  const shown = text.length > MAX_QUOTED_LENGTH ? `${firstChars(text, MAX_QUOTED_LENGTH)}…` : text;
  return `'${shown.replace(/[\\'\x00-\x1f\x7f-\x9f\u2028\u2029]/g, escapeChar)}'`;
}

/** The first `count` UTF-16 units, one fewer rather than split a surrogate pair. */
function firstChars(text: string, count: number): string {
  const last = text.charCodeAt(count - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, splitsPair ? count - 1 : count);
}

export type AttrList = [name: string, value: string | number | undefined][];

/** `<tag a='1' b='2'>` with only the attributes that are present, in the order given. */
export function element(tag: string, attrs: AttrList = []): string {
  const parts = attrs
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${quote(v as string | number)}`);
  return `<${[tag, ...parts].join(' ')}>`;
}

/** ` (line 7:7)`, or nothing when the position is unknown (hand-built definitions). */
export function position(at: Pos | undefined): string {
  return at ? ` (line ${at.line}:${at.col})` : '';
}

/**
 * Collects one problem per call: `rule` is its stable id (docs/errors.md), `what` an
 * element() rendering, `text` finishes the sentence.
 */
export type Report = (rule: RuleId, what: string, at: Pos | undefined, text: string) => void;

/** What a check found, before it knows which element to name: its rule and the end of the sentence. */
export interface Finding {
  rule: RuleId;
  text: string;
}

export const finding = (rule: RuleId, text: string): Finding => ({ rule, text });

export function problemCollector(def: Pick<NetworkDef, 'name'>): { problems: Problem[]; report: Report } {
  const problems: Problem[] = [];
  const report: Report = (rule, what, at, text) => {
    const message = `network ${quote(def.name)}: ${what}${position(at)} ${text}`;
    problems.push(
      at
        ? { code: 'validation', rule, message, network: def.name, at }
        : { code: 'validation', rule, message, network: def.name },
    );
  };
  return { problems, report };
}
