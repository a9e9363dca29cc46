// `net-dumpxml --xpath EXPR [--wrap]` over a network's XML, printed as virsh 9.0
// prints it: each selected node as libxml2 dumps it (elements re-indented from
// column 0, attributes as ` name="value"`, text escaped), one per line; with
// --wrap, all of them inside one <nodes> element. A relative path starts at the
// root element, as virsh evaluates it.
import { copiedElement, dumpAttribute, dumpNode, type NonAscii } from '../libxml-dump.js';
import { parseXml } from '../xml-parser.js';
import type { XmlAttribute, XmlNode, XmlNsDecl } from '../xml-tree.js';
import { selectNodes } from './xpath-eval.js';
import { parseXPath, SUPPORTED_XPATH } from './xpath-syntax.js';
import { XPathError } from './xpath-tokens.js';
import { documentOf, type XNode } from './xpath-tree.js';

export type SelectResult = { ok: true; value: string } | { ok: false; error: string };

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** The selected nodes, each followed by a newline ('' when nothing matches). */
export function selectXml(xml: string, expr: string, opts: { wrap: boolean }): SelectResult {
  const parsed = parseXml(xml);
  if (!parsed.ok) return { ok: false, error: `cannot read the network XML: ${parsed.error.message}` };
  let nodes: XNode[];
  try {
    const doc = documentOf(parsed.root);
    nodes = selectNodes(parseXPath(expr), doc.children[0] ?? doc, doc);
  } catch (err) {
    if (!(err instanceof XPathError)) throw err;
    return {
      ok: false,
      error: `--xpath '${expr}': ${err.message} (column ${err.col}); supported: ${SUPPORTED_XPATH}`,
    };
  }
  const each = (n: XNode): string => `${dumped(n, n.kind === 'document' ? 'keep' : 'escape')}\n`;
  return { ok: true, value: opts.wrap ? wrapped(nodes) : nodes.map(each).join('') };
}

/**
 * One node as xmlNodeDump writes it. The document itself is written in its
 * declared encoding (UTF-8, so non-ASCII stays); its copy inside <nodes> has none.
 */
function dumped(node: XNode, nonAscii: NonAscii = 'escape'): string {
  switch (node.kind) {
    case 'document':
      return `${DECLARATION}\n${node.children.map((c) => dumped(c, nonAscii)).join('\n')}\n`;
    case 'attribute':
      return dumpAttribute(node.attr, nonAscii);
    case 'element':
      return dumpNode(node.el, 0, true, true, nonAscii);
    case 'text':
    case 'comment':
    case 'pi':
      return dumpNode(node.source, 0, true, true, nonAscii);
  }
}

/**
 * libxml2 adds copies to a new <nodes> element: an attribute becomes an attribute
 * of <nodes> (replacing, and moving to the end, one of the same name), anything
 * else a child; a whole document is printed as it is, unindented.
 */
function wrapped(nodes: XNode[]): string {
  const attrs: XmlAttribute[] = [];
  const children: Exclude<XNode, { kind: 'attribute' }>[] = [];
  for (const node of nodes) {
    if (node.kind !== 'attribute') {
      children.push(node);
      continue;
    }
    const same = attrs.findIndex((a) => a.name === node.attr.name);
    if (same >= 0) attrs.splice(same, 1);
    attrs.push(node.attr);
  }
  const head = `<nodes${attrs.map((a) => dumpAttribute(a)).join('')}`;
  if (children.length === 0) return `${head}/>\n`;
  const format = !children.some((c) => c.kind === 'text');
  const body = children
    .map((c) => (c.kind === 'document' ? dumped(c) : dumpNode(copyOf(c), 1, format, false)))
    .map((text) => (format ? `${text}\n` : text))
    .join('');
  return `${head}>${format ? '\n' : ''}${body}</nodes>\n`;
}

/** The copy libxml2 adds to <nodes>: an element declares the namespaces it borrowed. */
function copyOf(node: Exclude<XNode, { kind: 'document' | 'attribute' }>): XmlNode {
  if (node.kind !== 'element') return node.source;
  const outer: XmlNsDecl[] = [];
  for (let p = node.parent; p; p = p.parent) if (p.kind === 'element') outer.unshift(...p.el.nsDecls);
  return copiedElement(node.el, outer);
}
