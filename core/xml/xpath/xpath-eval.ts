// Evaluates the subset's expressions by XPath 1.0's rules: a step is applied to
// each context node in turn and its predicates count positions within that node's
// axis, results are node-sets in document order, and = / != compare a node-set by
// its members' string-values (as numbers when compared with a number).
import type { Expr, NodeTest, PathExpr, Step } from './xpath-syntax.js';
import { childrenOf, descendantsOf, stringValue, type XDocument, type XNode } from './xpath-tree.js';

type Value =
  | { type: 'nodes'; nodes: XNode[] }
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean };

interface Context {
  node: XNode;
  position: number;
  size: number;
  doc: XDocument;
}

/** The nodes a union of paths selects from CONTEXT, in document order. */
export function selectNodes(union: { paths: PathExpr[] }, context: XNode, doc: XDocument): XNode[] {
  const ctx: Context = { node: context, position: 1, size: 1, doc };
  return inDocumentOrder(union.paths.flatMap((p) => evalPath(p, ctx)));
}

function evalPath(path: PathExpr, ctx: Context): XNode[] {
  let nodes: XNode[] = [path.absolute ? ctx.doc : ctx.node];
  for (const step of path.steps) nodes = applyStep(step, nodes, ctx.doc);
  return nodes;
}

function applyStep(step: Step, nodes: XNode[], doc: XDocument): XNode[] {
  const out: XNode[] = [];
  for (const node of nodes) {
    let selected = axisNodes(step, node).filter((n) => matches(step, step.test, n));
    for (const predicate of step.predicates) selected = filtered(predicate, selected, doc);
    out.push(...selected);
  }
  return inDocumentOrder(out);
}

function axisNodes(step: Step, node: XNode): XNode[] {
  switch (step.axis) {
    case 'child':
      return childrenOf(node);
    case 'descendant':
      return descendantsOf(node);
    case 'descendant-or-self':
      return [node, ...descendantsOf(node)];
    case 'self':
      return [node];
    case 'parent':
      return node.parent ? [node.parent] : [];
    case 'attribute':
      return node.kind === 'element' ? node.attributes : [];
  }
}

/** Names and * match the axis's principal node type: attributes on @, else elements. */
function matches(step: Step, test: NodeTest, node: XNode): boolean {
  switch (test.kind) {
    case 'node':
      return true;
    case 'text':
      return node.kind === 'text';
    case 'any':
      return step.axis === 'attribute' ? node.kind === 'attribute' : node.kind === 'element';
    case 'name':
      if (node.kind === 'attribute') return node.attr.prefix === undefined && node.attr.local === test.name;
      return node.kind === 'element' && node.el.ns === undefined && node.el.local === test.name;
  }
}

function filtered(predicate: Expr, nodes: XNode[], doc: XDocument): XNode[] {
  return nodes.filter((node, i) => {
    const value = evaluate(predicate, { node, position: i + 1, size: nodes.length, doc });
    // A number in a predicate is a position: [2] is [position()=2].
    return value.type === 'number' ? value.value === i + 1 : truth(value);
  });
}

function evaluate(expr: Expr, ctx: Context): Value {
  switch (expr.kind) {
    case 'path':
      return { type: 'nodes', nodes: evalPath(expr, ctx) };
    case 'union':
      return { type: 'nodes', nodes: inDocumentOrder(expr.paths.flatMap((p) => evalPath(p, ctx))) };
    case 'or':
      return { type: 'boolean', value: truth(evaluate(expr.left, ctx)) || truth(evaluate(expr.right, ctx)) };
    case 'and':
      return { type: 'boolean', value: truth(evaluate(expr.left, ctx)) && truth(evaluate(expr.right, ctx)) };
    case 'compare': {
      const equal = equals(evaluate(expr.left, ctx), evaluate(expr.right, ctx), expr.op === '!=');
      return { type: 'boolean', value: equal };
    }
    case 'literal':
      return { type: 'string', value: expr.value };
    case 'number':
      return { type: 'number', value: expr.value };
    case 'last':
      return { type: 'number', value: ctx.size };
  }
}

function truth(v: Value): boolean {
  switch (v.type) {
    case 'nodes':
      return v.nodes.length > 0;
    case 'string':
      return v.value.length > 0;
    case 'number':
      return v.value !== 0 && !Number.isNaN(v.value);
    case 'boolean':
      return v.value;
  }
}

const asNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

function asString(v: Exclude<Value, { type: 'nodes' }>): string {
  return v.type === 'string' ? v.value : String(v.value);
}

/** XPath 1.0 section 3.4: = (or !=, with NEGATE) on any two values. */
function equals(a: Value, b: Value, negate: boolean): boolean {
  const same = <T>(x: T, y: T): boolean => (negate ? x !== y : x === y);
  if (a.type === 'nodes' && b.type === 'nodes') {
    const right = b.nodes.map(stringValue);
    return a.nodes.some((n) => right.some((r) => same(stringValue(n), r)));
  }
  if (a.type === 'nodes' || b.type === 'nodes') {
    const [set, other] = (a.type === 'nodes' ? [a, b] : [b, a]) as [Extract<Value, { type: 'nodes' }>, Value];
    if (other.type === 'boolean') return same(set.nodes.length > 0, other.value);
    if (other.type === 'number') return set.nodes.some((n) => same(asNumber(stringValue(n)), other.value));
    return set.nodes.some((n) => same(stringValue(n), asString(other as Exclude<Value, { type: 'nodes' }>)));
  }
  if (a.type === 'boolean' || b.type === 'boolean') return same(truth(a), truth(b));
  if (a.type === 'number' || b.type === 'number')
    return same(
      a.type === 'number' ? a.value : asNumber(asString(a)),
      b.type === 'number' ? b.value : asNumber(asString(b)),
    );
  return same(asString(a), asString(b));
}

function inDocumentOrder(nodes: XNode[]): XNode[] {
  const unique = new Map<number, XNode>();
  for (const n of nodes) unique.set(n.order, n);
  return [...unique.values()].sort((x, y) => x.order - y.order);
}
