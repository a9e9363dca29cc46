// The <metadata> block, printed the way libvirt prints it: libvirt copies the
// element (xmlCopyNode, which declares on the copy any namespace its content
// borrowed from <network>), keeps only the first child element of each namespace
// (virXMLNodeSanitizeNamespaces: children in no namespace are dropped), then
// prints it with libxml2's xmlNodeDump at indentation level 1. Attributes use
// double quotes there, unlike the rest of libvirt's output.
import { XML_NAMESPACE, type XmlElement, type XmlNode, type XmlNsDecl } from './xml-tree.js';

/** `<metadata>...</metadata>` without leading indentation or trailing newline. */
export function metadataBlock(metadata: XmlElement, outerScope: readonly XmlNsDecl[]): string {
  const borrowed = borrowedNamespaces(metadata, outerScope);
  const kept = firstChildPerNamespace(metadata);
  const copy: XmlElement = { ...metadata, nsDecls: [...metadata.nsDecls, ...borrowed], children: kept };
  return dumpNode(copy, 1, true, true);
}

/** Namespaces used inside `metadata` but declared outside it, in first-use order. */
function borrowedNamespaces(metadata: XmlElement, outerScope: readonly XmlNsDecl[]): XmlNsDecl[] {
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
  visit(metadata);
  return added;
}

function findLast(decls: readonly XmlNsDecl[], prefix: string | undefined): XmlNsDecl | undefined {
  for (let i = decls.length - 1; i >= 0; i--) if (decls[i]!.prefix === prefix) return decls[i];
  return undefined;
}

function firstChildPerNamespace(metadata: XmlElement): XmlNode[] {
  const seen = new Set<string>();
  const kept: XmlNode[] = [];
  for (const child of metadata.children) {
    if (child.kind !== 'element' || child.ns === undefined || seen.has(child.ns)) continue;
    seen.add(child.ns);
    kept.push(child);
  }
  return kept;
}

const INDENT_LIMIT = 60;

function indent(level: number): string {
  return '  '.repeat(Math.min(level, INDENT_LIMIT));
}

/** xmlNodeDump with format=1: children are indented unless an element holds text. */
function dumpNode(node: XmlNode, level: number, format: boolean, isRoot: boolean): string {
  const lead = format && !isRoot ? indent(level) : '';
  switch (node.kind) {
    case 'element':
      return lead + dumpElement(node, level);
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

function dumpElement(el: XmlElement, level: number): string {
  let out = `<${el.name}`;
  for (const decl of el.nsDecls) {
    if (decl.prefix === 'xml' && decl.uri === XML_NAMESPACE) continue;
    out += ` ${decl.prefix === undefined ? 'xmlns' : `xmlns:${decl.prefix}`}=${quotedUri(decl.uri)}`;
  }
  for (const attr of el.attrs) out += ` ${attr.name}="${escapeAttribute(attr.value)}"`;
  if (el.children.length === 0) return `${out}/>`;
  const format = !el.children.some((c) => c.kind === 'text' || c.kind === 'cdata');
  out += format ? '>\n' : '>';
  for (const child of el.children) {
    out += dumpNode(child, level + 1, format, false);
    if (format) out += '\n';
  }
  return `${out}${format ? indent(level) : ''}</${el.name}>`;
}

function escapeText(value: string): string {
  return value.replace(/[<>&\r]/g, (ch) => TEXT_ESCAPES[ch] ?? ch);
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

/** The copied node has no document, so libxml2 writes non-ASCII as hex references. */
function escapeAttribute(value: string): string {
  return value.replace(/[<>&"\n\r\t]|[^\x00-\x7f]/gu, (ch) => {
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
