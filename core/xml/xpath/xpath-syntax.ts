// The XPath subset `net-dumpxml --xpath` takes, parsed into a tree. It covers what
// scripts use on a network's XML: location paths with /, //, names, *, ., ..,
// @attr, @*, text() and node() (plus the child, descendant, descendant-or-self,
// self, parent and attribute axes written out), predicates with positions,
// [last()], tests and = / != comparisons of relative paths with strings or
// numbers, combined with and, or and parentheses, and unions with |. Everything
// else in XPath 1.0 (functions, variables, arithmetic, <, >, other axes,
// namespace prefixes) is refused by name.
import { type Token, tokenize, XPathError } from './xpath-tokens.js';

export type Axis = 'child' | 'descendant' | 'descendant-or-self' | 'self' | 'parent' | 'attribute';

export type NodeTest = { kind: 'name'; name: string } | { kind: 'any' } | { kind: 'text' } | { kind: 'node' };

export interface Step {
  axis: Axis;
  test: NodeTest;
  predicates: Expr[];
}

export interface PathExpr {
  kind: 'path';
  absolute: boolean;
  steps: Step[];
}

export type Expr =
  | PathExpr
  | { kind: 'union'; paths: PathExpr[] }
  | { kind: 'or' | 'and'; left: Expr; right: Expr }
  | { kind: 'compare'; op: '=' | '!='; left: Expr; right: Expr }
  | { kind: 'literal'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'last' };

export const SUPPORTED_XPATH =
  "paths (/, //, names, *, ., .., @attr, @*, text(), node()), predicates ([N], [last()], [@attr], [@attr='v'], [child='v'], !=, and, or) and |";

const AXES: readonly string[] = ['child', 'descendant', 'descendant-or-self', 'self', 'parent', 'attribute'];

const SELF: Step = { axis: 'self', test: { kind: 'node' }, predicates: [] };
const PARENT: Step = { axis: 'parent', test: { kind: 'node' }, predicates: [] };
const ANYWHERE: Step = { axis: 'descendant-or-self', test: { kind: 'node' }, predicates: [] };

/** The expression as a union of paths; throws XPathError for what the subset refuses. */
export function parseXPath(expr: string): { kind: 'union'; paths: PathExpr[] } {
  const p = new Parser(tokenize(expr));
  const first = p.peek();
  if (first.kind === 'literal' || first.kind === 'number')
    throw new XPathError('a value selects no nodes: give a path', first.col);
  const union = p.union();
  p.expectEnd();
  return union;
}

class Parser {
  private i = 0;

  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const t = this.peek();
    this.i++;
    return t;
  }

  private isOp(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'op' && t.text === text;
  }

  private isName(text: string): boolean {
    const t = this.peek();
    return t.kind === 'name' && t.text === text;
  }

  private expectOp(text: string): void {
    if (!this.isOp(text)) throw this.unexpected(`expected '${text}'`);
    this.i++;
  }

  expectEnd(): void {
    if (this.peek().kind !== 'end') {
      this.refuseOperator();
      throw this.unexpected('expected the end of the expression');
    }
  }

  private unexpected(what: string): XPathError {
    const t = this.peek();
    return new XPathError(
      t.kind === 'end' ? `${what}, found the end` : `${what}, found ${tokenText(t)}`,
      t.col,
    );
  }

  union(): { kind: 'union'; paths: PathExpr[] } {
    const paths = [this.path()];
    while (this.isOp('|')) {
      this.i++;
      paths.push(this.path());
    }
    return { kind: 'union', paths };
  }

  private path(): PathExpr {
    if (this.isOp('/')) {
      this.i++;
      return { kind: 'path', absolute: true, steps: this.startsStep() ? this.relative([]) : [] };
    }
    if (this.isOp('//')) {
      this.i++;
      return { kind: 'path', absolute: true, steps: this.relative([ANYWHERE]) };
    }
    if (!this.startsStep()) throw this.unexpected('expected a path');
    return { kind: 'path', absolute: false, steps: this.relative([]) };
  }

  private startsStep(): boolean {
    const t = this.peek();
    if (t.kind === 'name') return true;
    return t.kind === 'op' && ['.', '..', '@', '*'].includes(t.text);
  }

  private relative(steps: Step[]): Step[] {
    steps.push(this.step());
    while (this.isOp('/') || this.isOp('//')) {
      // a//b is a/descendant-or-self::node()/b.
      if (this.isOp('//')) steps.push(ANYWHERE);
      this.i++;
      steps.push(this.step());
    }
    return steps;
  }

  private step(): Step {
    if (this.isOp('.')) {
      this.i++;
      return SELF;
    }
    if (this.isOp('..')) {
      this.i++;
      return PARENT;
    }
    let axis: Axis = 'child';
    if (this.isOp('@')) {
      this.i++;
      axis = 'attribute';
    } else if (this.peek().kind === 'name' && this.isOp('::', 1)) {
      const t = this.next();
      const name = t.kind === 'name' ? t.text : '';
      if (!AXES.includes(name)) throw new XPathError(`the ${name} axis is not supported`, t.col);
      this.i++;
      axis = name as Axis;
    }
    const test = this.nodeTest();
    const predicates: Expr[] = [];
    while (this.isOp('[')) {
      this.i++;
      predicates.push(this.or());
      this.expectOp(']');
    }
    return { axis, test, predicates };
  }

  private nodeTest(): NodeTest {
    if (this.isOp('*')) {
      this.i++;
      return { kind: 'any' };
    }
    const t = this.peek();
    if (t.kind !== 'name') throw this.unexpected('expected a name, * or text()');
    if (this.isOp('(', 1)) {
      if (t.text !== 'text' && t.text !== 'node')
        throw new XPathError(`function ${t.text}() is not supported`, t.col);
      this.i += 2;
      this.expectOp(')');
      return { kind: t.text };
    }
    if (t.text.includes(':'))
      throw new XPathError(`namespace prefix in '${t.text}' is not supported (none is declared)`, t.col);
    this.i++;
    return { kind: 'name', name: t.text };
  }

  private or(): Expr {
    let left = this.and();
    while (this.isName('or')) {
      this.i++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Expr {
    let left = this.comparison();
    while (this.isName('and')) {
      this.i++;
      left = { kind: 'and', left, right: this.comparison() };
    }
    return left;
  }

  private comparison(): Expr {
    const left = this.primary();
    if (this.isOp('=') || this.isOp('!=')) {
      const op = opText(this.next()) as '=' | '!=';
      return { kind: 'compare', op, left, right: this.primary() };
    }
    this.refuseOperator();
    return left;
  }

  /** Operators of full XPath that the subset leaves out, named in the refusal. */
  private refuseOperator(): void {
    const t = this.peek();
    const text = t.kind === 'op' ? t.text : t.kind === 'name' ? t.text : '';
    if (['<', '<=', '>', '>='].includes(text))
      throw new XPathError(`the comparison ${text} is not supported`, t.col);
    if (['+', '-', '*', 'div', 'mod'].includes(text))
      throw new XPathError(`arithmetic (${text}) is not supported`, t.col);
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.kind === 'literal') {
      this.i++;
      return { kind: 'literal', value: t.text };
    }
    if (t.kind === 'number') {
      this.i++;
      return { kind: 'number', value: t.value };
    }
    if (this.isOp('(')) {
      this.i++;
      const inner = this.or();
      this.expectOp(')');
      return inner;
    }
    if (this.isOp('$')) throw new XPathError('variables are not supported', t.col);
    if (this.isOp('-')) throw new XPathError('arithmetic (-) is not supported', t.col);
    if (t.kind === 'name' && t.text === 'last' && this.isOp('(', 1)) {
      this.i += 2;
      this.expectOp(')');
      return { kind: 'last' };
    }
    return this.path();
  }
}

const opText = (t: Token): string => (t.kind === 'op' ? t.text : '');

function tokenText(t: Token): string {
  switch (t.kind) {
    case 'name':
      return `'${t.text}'`;
    case 'literal':
      return `the string '${t.text}'`;
    case 'number':
      return `the number ${t.value}`;
    case 'op':
      return `'${t.text}'`;
    case 'end':
      return 'the end';
  }
}
