// libxml2's xmlNodeDump with format=1, as libvirt prints <metadata> and virsh
// prints what `net-dumpxml --xpath` selects: two spaces per level, children on
// lines of their own unless an element holds text, attributes in double quotes.
// The nodes come from a document without a declared encoding, so libxml2 writes
// non-ASCII characters in attribute values as hex character references.
import { XML_NAMESPACE, type XmlAttribute, type XmlElement, type XmlNode } from './xml-tree.js';

const INDENT_LIMIT = 60;

function indent(level: number): string {
  return '  '.repeat(Math.min(level, INDENT_LIMIT));
}

/** xmlNodeDump with format=1: children are indented unless an element holds text. */
export function dumpNode(node: XmlNode, level: number, format: boolean, isRoot: boolean): string {
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
  for (const attr of el.attrs) out += dumpAttribute(attr);
  if (el.children.length === 0) return `${out}/>`;
  const format = !el.children.some((c) => c.kind === 'text' || c.kind === 'cdata');
  out += format ? '>\n' : '>';
  for (const child of el.children) {
    out += dumpNode(child, level + 1, format, false);
    if (format) out += '\n';
  }
  return `${out}${format ? indent(level) : ''}</${el.name}>`;
}

export function escapeText(value: string): string {
  return value.replace(/[<>&\r]/g, (ch) => TEXT_ESCAPES[ch] ?? ch);
}

/** An attribute node on its own: ` name="value"`, with the leading space. */
export function dumpAttribute(attr: XmlAttribute): string {
  return ` ${attr.name}="${escapeAttribute(attr.value)}"`;
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
