// The tokens of an XPath 1.0 expression (the lexical rules of the XPath 1.0
// recommendation, section 3.7). The lexer knows the whole language so that what
// the subset leaves out is refused by name ("function count() is not supported")
// rather than as a syntax error.

export type Token =
  | { kind: 'name'; text: string; col: number }
  | { kind: 'literal'; text: string; col: number }
  | { kind: 'number'; value: number; col: number }
  | { kind: 'op'; text: string; col: number }
  | { kind: 'end'; col: number };

/** A refused or malformed expression; col is 1-based. */
export class XPathError extends Error {
  constructor(
    message: string,
    readonly col: number,
  ) {
    super(message);
  }
}

// Longest first, so '//' wins over '/' and '!=' over '!'.
const OPERATORS = ['//', '::', '..', '!=', '<=', '>=', '/', '[', ']', '(', ')', '@', ',', '|', '.', '*', '='];
const SINGLE = ['<', '>', '+', '-', '$'];

const isNameStart = (ch: string): boolean => /[A-Za-z_]/.test(ch) || ch > '\x7f';
const isNameChar = (ch: string): boolean => /[A-Za-z0-9_.-]/.test(ch) || ch > '\x7f';
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

export function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i] as string;
    const col = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      const end = expr.indexOf(ch, i + 1);
      if (end < 0) throw new XPathError(`the string starting with ${ch} is not closed`, col);
      tokens.push({ kind: 'literal', text: expr.slice(i + 1, end), col });
      i = end + 1;
    } else if (isDigit(ch) || (ch === '.' && isDigit(expr[i + 1]))) {
      const match = /^[0-9]*(\.[0-9]*)?/.exec(expr.slice(i))?.[0] ?? ch;
      tokens.push({ kind: 'number', value: Number(match), col });
      i += match.length;
    } else if (isNameStart(ch)) {
      let end = i + 1;
      while (end < expr.length && isNameChar(expr[end] as string)) end++;
      // A prefix (QName) stays part of the name so the parser can refuse it by name;
      // 'name::' is an axis, not a prefix.
      if (expr[end] === ':' && expr[end + 1] !== ':' && isNameStart(expr[end + 1] ?? '')) {
        end += 2;
        while (end < expr.length && isNameChar(expr[end] as string)) end++;
      }
      tokens.push({ kind: 'name', text: expr.slice(i, end), col });
      i = end;
    } else {
      const op = OPERATORS.find((o) => expr.startsWith(o, i)) ?? SINGLE.find((o) => o === ch);
      if (op === undefined) throw new XPathError(`unexpected character '${ch}'`, col);
      tokens.push({ kind: 'op', text: op, col });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', col: expr.length + 1 });
  return tokens;
}
