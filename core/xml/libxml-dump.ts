// libxml2's xmlNodeDump with format=1, as libvirt prints <metadata> and virsh
// prints what `net-dumpxml --xpath` selects: two spaces per level, children on
// lines of their own unless an element holds text, attributes in double quotes.
// A node dumped on its own belongs to a document without a declared encoding, so
// libxml2 writes non-ASCII characters in attribute values as hex character
// references; a whole document is written as UTF-8 and keeps them.
import {
  XML_NAMESPACE,
  type XmlAttribute,
  type XmlElement,
  type XmlNode,
  type XmlNsDecl,
} from './xml-tree.js';

/**
 * xmlCopyNode: the copy of an element declares every namespace its content uses
 * that was declared outside it (OUTER_SCOPE: the declarations of its ancestors,
 * outermost first), so it stands on its own.
 */
export function copiedElement(el: XmlElement, outerScope: readonly XmlNsDecl[]): XmlElement {
  const borrowed = borrowedNamespaces(el, outerScope);
  return borrowed.length === 0 ? el : { ...el, nsDecls: [...el.nsDecls, ...borrowed] };
}

/** Namespaces used inside `el` but declared outside it, in first-use order. */
function borrowedNamespaces(el: XmlElement, outerScope: readonly XmlNsDecl[]): XmlNsDecl[] {
  const added: XmlNsDecl[] = [];
  const scope: (readonly XmlNsDecl[])[] = [added];
  const need = (prefix: string | undefined, uri: string | undefined): void => {
    if (uri === undefined || prefix === 'xml') return;
    if (scope.some((decls) => decls.some((d) => d.prefix === prefix))) return;
    const outer = findLast(outerScope, prefix);
    if (outer) added.push({ prefix, uri: outer.uri });
  };
  const visit = (el: XmlElement): void => {
    scope.push(el.nsDecls);
    need(el.prefix, el.ns);
    for (const attr of el.attrs) if (attr.prefix !== undefined) need(attr.prefix, attr.ns);
    for (const child of el.children) if (child.kind === 'element') visit(child);
    scope.pop();
  };
  visit(el);
  return added;
}

function findLast(decls: readonly XmlNsDecl[], prefix: string | undefined): XmlNsDecl | undefined {
  for (let i = decls.length - 1; i >= 0; i--) if (decls[i]!.prefix === prefix) return decls[i];
  return undefined;
}

const INDENT_LIMIT = 60;

function indent(level: number): string {
  return '  '.repeat(Math.min(level, INDENT_LIMIT));
}

export type NonAscii = 'escape' | 'keep';

/** xmlNodeDump with format=1: children are indented unless an element holds text. */
export function dumpNode(
  node: XmlNode,
  level: number,
  format: boolean,
  isRoot: boolean,
  nonAscii: NonAscii = 'escape',
): string {
  const lead = format && !isRoot ? indent(level) : '';
  switch (node.kind) {
    case 'element':
      return lead + dumpElement(node, level, nonAscii);
    case 'text':
      return escapeText(node.value);
    case 'cdata':
      return `<![CDATA[${node.value}]]>`;
    case 'comment':
      return `${lead}<!--${node.value}-->`;
    case 'pi':
      return `${lead}<?${node.target}${node.data === undefined ? '' : ` ${node.data}`}?>`;
  }
}

function dumpElement(el: XmlElement, level: number, nonAscii: NonAscii): string {
  let out = `<${el.name}`;
  for (const decl of el.nsDecls) {
    if (decl.prefix === 'xml' && decl.uri === XML_NAMESPACE) continue;
    out += ` ${decl.prefix === undefined ? 'xmlns' : `xmlns:${decl.prefix}`}=${quotedUri(decl.uri)}`;
  }
  for (const attr of el.attrs) out += dumpAttribute(attr, nonAscii);
  if (el.children.length === 0) return `${out}/>`;
  const format = !el.children.some((c) => c.kind === 'text' || c.kind === 'cdata');
  out += format ? '>\n' : '>';
  for (const child of el.children) {
    out += dumpNode(child, level + 1, format, false, nonAscii);
    if (format) out += '\n';
  }
  return `${out}${format ? indent(level) : ''}</${el.name}>`;
}

export function escapeText(value: string): string {
  return value.replace(/[<>&\r]/g, (ch) => TEXT_ESCAPES[ch] ?? ch);
}

/** An attribute node on its own: ` name="value"`, with the leading space. */
export function dumpAttribute(attr: XmlAttribute, nonAscii: NonAscii = 'escape'): string {
  return ` ${attr.name}="${escapeAttribute(attr.value, nonAscii)}"`;
}

const TEXT_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '\r': '&#13;' };

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

function escapeAttribute(value: string, nonAscii: NonAscii): string {
  const special = nonAscii === 'escape' ? /[<>&"\n\r\t]|[^\x00-\x7f]/gu : /[<>&"\n\r\t]/g;
  return value.replace(special, (ch) => {
    return ATTRIBUTE_ESCAPES[ch] ?? `&#x${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()};`;
  });
}

/** xmlBufWriteQuotedString: double quotes unless the text holds one. */
function quotedUri(uri: string): string {
  const safe = uri.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  if (!safe.includes('"')) return `"${safe}"`;
  if (!safe.includes("'")) return `'${safe}'`;
  return `"${safe.replace(/"/g, '&quot;')}"`;
}
