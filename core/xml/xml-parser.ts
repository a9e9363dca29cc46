// A small, strict, non-validating XML 1.0 parser with namespaces. It refuses DTDs
// (so no entity declarations and no external entities), limits size and depth,
// and runs in one forward pass with no backtracking: every loop either consumes
// input or stops. White space between elements is dropped exactly where libxml2
// drops it when libvirt parses (xmlKeepBlanksDefault(0)), so the tree it builds is
// the tree libvirt sees, which matters for re-printing <metadata>.
import { decodeSource } from './decode-source.js';
import { LineMap } from './line-map.js';
import { NameCache } from './name-cache.js';
import { describeChar, findForbiddenChar, isNameChar, isNameStart, isSpace } from './xml-chars.js';
import { decodeAttributeValue, readReference, XmlSyntaxError } from './xml-references.js';
import {
  XML_NAMESPACE,
  type XmlAttribute,
  type XmlElement,
  type XmlNode,
  type XmlNsDecl,
  type XmlParseResult,
} from './xml-tree.js';

/** Deepest element nesting accepted; libvirt's network XML needs 6. */
export const MAX_XML_DEPTH = 64;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const AMP = 0x26;
const EQUALS = 0x3d;

export function parseXml(source: string | Uint8Array): XmlParseResult {
  const decoded = decodeSource(source);
  if (!decoded.ok)
    return { ok: false, error: { message: decoded.message, line: decoded.line, col: decoded.col } };
  const text = decoded.text;
  const lines = new LineMap(text);
  const bad = findForbiddenChar(text);
  if (bad >= 0) {
    const message = `character ${describeChar(text, bad)} is not allowed in XML`;
    return { ok: false, error: { message, ...lines.position(bad) } };
  }
  try {
    return { ok: true, root: new XmlParser(text, lines, decoded.fromBytes).parseDocument() };
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) throw e;
    return { ok: false, error: { message: e.message, ...lines.position(Math.min(e.offset, text.length)) } };
  }
}

interface OpenElement {
  el: XmlElement;
  /** el.children, writable while the element is open. */
  children: XmlNode[];
  start: number;
  defaultNs: string | undefined;
  /** xml:space='preserve' in effect: keep blank text. */
  preserve: boolean;
}

/** What a start tag holds before its element is built. */
interface TagContent {
  /** Scratch space shared by all tags: only the first attrCount entries are this tag's. */
  attrs: XmlAttribute[];
  attrCount: number;
  nsDecls: XmlNsDecl[];
  /** Some attribute name has a colon, so prefixes need resolving. */
  prefixed: boolean;
  /** The tag declares namespaces or xml:space, which its children inherit. */
  scoped: boolean;
}

const NO_DECLS: XmlNsDecl[] = [];
// Most elements are empty (<host .../>): they share one frozen array instead of
// allocating their own.
const NO_CHILDREN: readonly XmlNode[] = Object.freeze([]);

class XmlParser {
  private pos = 0;
  private readonly open: OpenElement[] = [];
  private readonly tag: TagContent = {
    attrs: [],
    attrCount: 0,
    nsDecls: NO_DECLS,
    prefixed: false,
    scoped: false,
  };
  private readonly names = new NameCache();

  constructor(
    private readonly text: string,
    private readonly lines: LineMap,
    private readonly fromBytes: boolean,
  ) {}

  private fail(message: string, offset = this.pos): never {
    throw new XmlSyntaxError(message, offset);
  }

  private code(offset = this.pos): number {
    return this.text.charCodeAt(offset);
  }

  parseDocument(): XmlElement {
    if (this.text.startsWith('<?xml') && isSpace(this.code(5))) this.xmlDeclaration();
    this.misc();
    if (this.pos >= this.text.length) this.fail('document has no root element');
    if (this.code() !== LT || !isNameStart(this.code(this.pos + 1))) {
      this.fail('expected the root element here');
    }
    const root = this.element();
    this.misc();
    if (this.pos < this.text.length) this.fail('content after the root element is not allowed');
    return root;
  }

  /** Comments, processing instructions and white space outside the root element. */
  private misc(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = this.code();
      if (isSpace(c)) {
        this.pos++;
      } else if (c === LT && this.code(this.pos + 1) === QUESTION) {
        this.processingInstruction();
      } else if (text.startsWith('<!--', this.pos)) {
        this.comment();
      } else if (text.startsWith('<!DOCTYPE', this.pos)) {
        this.fail('DOCTYPE is not allowed: no DTD, entity declarations or external entities are read');
      } else {
        return;
      }
    }
  }

  /** <?xml version='1.x' encoding='...' standalone='...'?>, pseudo-attributes in that order. */
  private xmlDeclaration(): void {
    this.pos = 5;
    const found: { name: string; value: string }[] = [];
    while (!this.text.startsWith('?>', this.pos)) {
      if (!this.skipSpaces()) this.fail("malformed XML declaration (expected <?xml version='1.0' ...?>)");
      if (this.text.startsWith('?>', this.pos)) break;
      found.push(this.attribute('?xml'));
    }
    this.pos += 2;
    const names = found.map((a) => a.name).join(' ');
    if (!/^version( encoding)?( standalone)?$/.test(names)) {
      this.fail("malformed XML declaration (expected <?xml version='1.0' encoding='UTF-8'?>)", 0);
    }
    const [version, ...rest] = found;
    if (!/^1\.[0-9]+$/.test(version?.value ?? ''))
      this.fail(`unsupported XML version '${version?.value}'`, 0);
    const encoding = rest.find((a) => a.name === 'encoding')?.value;
    if (this.fromBytes && encoding !== undefined && !/^(utf-?8|us-ascii|ascii)$/i.test(encoding)) {
      this.fail(`encoding '${encoding}' is not supported: only UTF-8 is`, 0);
    }
  }

  private processingInstruction(): void {
    const start = this.pos;
    this.pos += 2;
    const target = this.name('processing instruction target');
    if (/^xml$/i.test(target)) this.fail('the XML declaration is only allowed at the very start', start);
    const end = this.text.indexOf('?>', this.pos);
    if (end < 0) this.fail('unterminated processing instruction', start);
    let data: string | undefined;
    if (end !== this.pos) {
      if (!isSpace(this.code())) this.fail('expected white space after the processing instruction target');
      while (isSpace(this.code())) this.pos++;
      data = this.text.slice(Math.min(this.pos, end), end);
    }
    this.pos = end + 2;
    this.appendChild({ kind: 'pi', target, data });
  }

  private comment(): void {
    const start = this.pos;
    const end = this.text.indexOf('-->', start + 4);
    if (end < 0) this.fail('unterminated comment', start);
    const dashes = this.text.indexOf('--', start + 4);
    if (dashes < end) this.fail("'--' is not allowed inside a comment", dashes);
    this.pos = end + 3;
    this.appendChild({ kind: 'comment', value: this.text.slice(start + 4, end) });
  }

  private cdata(): void {
    const start = this.pos;
    const end = this.text.indexOf(']]>', start + 9);
    if (end < 0) this.fail('unterminated CDATA section', start);
    this.pos = end + 3;
    this.appendChild({ kind: 'cdata', value: this.text.slice(start + 9, end) });
  }

  private appendChild(node: XmlNode): void {
    this.open[this.open.length - 1]?.children.push(node);
  }

  private name(what: string): string {
    const start = this.pos;
    if (!isNameStart(this.code())) this.fail(`expected ${what}`);
    this.pos++;
    while (isNameChar(this.code())) this.pos++;
    return this.names.get(this.text, start, this.pos);
  }

  /** The root element and everything in it, iteratively (no recursion, so depth is only data). */
  private element(): XmlElement {
    const root = this.startTag();
    while (this.open.length > 0) {
      if (this.pos >= this.text.length) {
        const innermost = this.open[this.open.length - 1]!;
        this.fail(`unexpected end of input: <${innermost.el.name}> is not closed`, innermost.start);
      }
      if (this.code() !== LT) this.textRun();
      else this.markup();
    }
    return root;
  }

  private markup(): void {
    const next = this.code(this.pos + 1);
    if (next === SLASH) this.endTag();
    else if (next === QUESTION) this.processingInstruction();
    else if (this.text.startsWith('<!--', this.pos)) this.comment();
    else if (this.text.startsWith('<![CDATA[', this.pos)) this.cdata();
    else if (this.text.startsWith('<!DOCTYPE', this.pos))
      this.fail('DOCTYPE is only allowed before the root element');
    else if (next === BANG) this.fail("expected '<!--' or '<![CDATA[' after '<!'");
    else this.startTag();
  }

  private startTag(): XmlElement {
    const start = this.pos;
    this.pos++;
    const name = this.name('an element name after "<"');
    const tag = this.emptyTag();
    this.attributeList(name, tag);
    const selfClosing = this.code() === SLASH;
    this.pos += selfClosing ? 2 : 1;
    if (this.open.length >= MAX_XML_DEPTH) {
      this.fail(`elements are nested more than ${MAX_XML_DEPTH} deep`, start);
    }
    const parent = this.open[this.open.length - 1];
    const el = this.buildElement(name, tag, start, parent, selfClosing ? NO_CHILDREN : []);
    parent?.children.push(el);
    if (!selfClosing) {
      const frame: OpenElement = {
        el,
        children: el.children as XmlNode[],
        start,
        defaultNs: parent?.defaultNs,
        preserve: parent?.preserve ?? false,
      };
      if (tag.scoped) this.applyScopeAttributes(frame, tag);
      this.open.push(frame);
    }
    return el;
  }

  /**
   * The parser's one TagContent, emptied for the next start tag. buildElement
   * copies the attributes out at their exact count, so no element keeps an array
   * grown for pushing, and no tag allocates a TagContent of its own.
   */
  private emptyTag(): TagContent {
    const tag = this.tag;
    // A count, not attrs.length = 0, which would drop the array's storage each time.
    tag.attrCount = 0;
    tag.nsDecls = NO_DECLS;
    tag.prefixed = false;
    tag.scoped = false;
    return tag;
  }

  private attributeList(elementName: string, tag: TagContent): void {
    let seen: Set<string> | undefined;
    for (;;) {
      const hadSpace = this.skipSpaces();
      const c = this.code();
      if (c === GT) return;
      if (c === SLASH) {
        if (this.code(this.pos + 1) !== GT) this.fail("expected '>' after '/'");
        return;
      }
      if (Number.isNaN(c)) this.fail(`unexpected end of input inside the <${elementName}> tag`);
      if (!hadSpace) this.fail(`expected white space, '>' or '/>' in the <${elementName}> tag`);
      const offset = this.pos;
      const attr = this.attribute(elementName);
      // A handful of attributes is the norm: compare directly, and only hash long lists.
      const count = tag.attrCount + tag.nsDecls.length;
      if (count >= 8 && !seen) seen = new Set([...this.attrNames(tag), ...this.declNames(tag)]);
      if (seen ? seen.has(attr.name) : this.declared(tag, attr.name)) {
        this.fail(`attribute '${attr.name}' appears twice in <${elementName}>`, offset);
      }
      seen?.add(attr.name);
      this.addAttribute(tag, attr);
    }
  }

  /** Runs for every attribute, so it allocates nothing unless the tag declares namespaces. */
  private declared(tag: TagContent, name: string): boolean {
    for (let i = 0; i < tag.attrCount; i++) if (tag.attrs[i]!.name === name) return true;
    return tag.nsDecls.length > 0 && this.declNames(tag).includes(name);
  }

  private attrNames(tag: TagContent): string[] {
    return tag.attrs.slice(0, tag.attrCount).map((a) => a.name);
  }

  private declNames(tag: TagContent): string[] {
    return tag.nsDecls.map((d) => (d.prefix === undefined ? 'xmlns' : `xmlns:${d.prefix}`));
  }

  private addAttribute(tag: TagContent, attr: XmlAttribute): void {
    const name = attr.name;
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      const prefix = name === 'xmlns' ? undefined : name.slice(6);
      if (tag.nsDecls === NO_DECLS) tag.nsDecls = [];
      tag.nsDecls.push({ prefix, uri: attr.value });
      tag.scoped = true;
      return;
    }
    if (name === 'xml:space') tag.scoped = true;
    if (name.includes(':')) tag.prefixed = true;
    tag.attrs[tag.attrCount++] = attr;
  }

  /**
   * One attribute, unprefixed until buildElement resolves namespaces. It is built
   * in its final shape at once: a large definition has tens of thousands of them,
   * and each object less is less work for the garbage collector.
   */
  private attribute(elementName: string): XmlAttribute {
    const offset = this.pos;
    // The message is only built on failure: this runs for every attribute.
    if (!isNameStart(this.code())) {
      this.fail(`expected an attribute name, '>' or '/>' in the <${elementName}> tag`);
    }
    const name = this.name('an attribute name');
    this.skipSpaces();
    if (this.code() !== EQUALS) this.fail(`expected '=' after attribute name '${name}'`);
    this.pos++;
    this.skipSpaces();
    const quote = this.text[this.pos];
    if (quote !== '"' && quote !== "'") this.fail(`the value of attribute '${name}' must be quoted`);
    const end = this.text.indexOf(quote, this.pos + 1);
    if (end < 0) this.fail(`unterminated value of attribute '${name}'`);
    const value = decodeAttributeValue(this.text, this.pos + 1, end);
    this.pos = end + 1;
    const line = this.lines.line(offset);
    return {
      name,
      prefix: undefined,
      local: name,
      ns: undefined,
      value,
      line,
      col: this.lines.column(offset),
    };
  }

  private skipSpaces(): boolean {
    const start = this.pos;
    while (isSpace(this.code())) this.pos++;
    return this.pos > start;
  }

  private buildElement(
    name: string,
    tag: TagContent,
    start: number,
    parent: OpenElement | undefined,
    children: readonly XmlNode[],
  ): XmlElement {
    // xmlns:p='' is not a declaration (Namespaces 1.0); libxml2 ignores it too.
    const nsDecls = tag.nsDecls.every(isDeclaration) ? tag.nsDecls : tag.nsDecls.filter(isDeclaration);
    let prefix: string | undefined;
    let local = name;
    let ns: string | undefined;
    const colon = name.indexOf(':');
    if (colon < 0) {
      ns = parent?.defaultNs;
      for (const d of nsDecls) if (d.prefix === undefined) ns = d.uri || undefined;
    } else {
      const split = splitName(name);
      ns = split.prefix === undefined ? undefined : this.resolvePrefix(split.prefix, nsDecls);
      // An undeclared prefix leaves the whole name as a plain, namespace-less name (as libxml2 does).
      if (ns !== undefined) [prefix, local] = [split.prefix, split.local];
    }
    const attrs = tag.attrs.slice(0, tag.attrCount);
    if (tag.prefixed) for (const a of attrs) this.resolveAttribute(a, nsDecls);
    const line = this.lines.line(start);
    const col = this.lines.column(start);
    return {
      kind: 'element',
      name,
      prefix,
      local,
      ns,
      nsDecls,
      attrs,
      children,
      line,
      col,
    };
  }

  private resolveAttribute(a: XmlAttribute, nsDecls: readonly XmlNsDecl[]): void {
    const split = splitName(a.name);
    if (split.prefix === undefined) return;
    const ns = this.resolvePrefix(split.prefix, nsDecls);
    if (ns === undefined) return;
    a.prefix = split.prefix;
    a.local = split.local;
    a.ns = ns;
  }

  private resolvePrefix(prefix: string, own: readonly XmlNsDecl[]): string | undefined {
    if (prefix === 'xml') return XML_NAMESPACE;
    for (const d of own) if (d.prefix === prefix) return d.uri;
    for (let i = this.open.length - 1; i >= 0; i--) {
      for (const d of this.open[i]!.el.nsDecls) if (d.prefix === prefix) return d.uri;
    }
    return undefined;
  }

  private applyScopeAttributes(frame: OpenElement, tag: TagContent): void {
    for (const d of tag.nsDecls) if (d.prefix === undefined) frame.defaultNs = d.uri || undefined;
    for (const a of frame.el.attrs) if (a.name === 'xml:space') frame.preserve = a.value === 'preserve';
  }

  private endTag(): void {
    const start = this.pos;
    this.pos += 2;
    const name = this.name('an element name after "</"');
    this.skipSpaces();
    if (this.code() !== GT) this.fail(`expected '>' to end </${name}>`);
    this.pos++;
    const frame = this.open.pop()!;
    if (frame.el.name !== name) {
      const at = this.lines.position(frame.start);
      this.fail(
        `end tag </${name}> does not match <${frame.el.name}> opened at line ${at.line}:${at.col}`,
        start,
      );
    }
  }

  /** Character data up to the next '<': references decoded, blank runs dropped like libxml2. */
  private textRun(): void {
    const text = this.text;
    const start = this.pos;
    let out = '';
    let runStart = start;
    let blank = true;
    let i = start;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LT) break;
      if (c === AMP) {
        const ref = readReference(text, i);
        out += text.slice(runStart, i) + ref.text;
        runStart = ref.end;
        i = ref.end - 1;
        blank = false;
      } else if (!isSpace(c)) {
        blank = false;
        if (c === 0x5d /* ] */ && text.startsWith(']]>', i)) this.fail("']]>' is not allowed in text", i);
      }
    }
    this.pos = i;
    const frame = this.open[this.open.length - 1]!;
    if (blank && this.isIgnorableBlank(frame)) return;
    frame.children.push({ kind: 'text', value: out + text.slice(runStart, i) });
  }

  /** libxml2's areBlanks() heuristic for a run of white space followed by '<'. */
  private isIgnorableBlank(frame: OpenElement): boolean {
    if (frame.preserve || this.pos >= this.text.length) return false;
    const children = frame.el.children;
    if (children.length === 0) return this.code(this.pos + 1) !== SLASH;
    return children[children.length - 1]!.kind !== 'text' && children[0]!.kind !== 'text';
  }
}

function isDeclaration(d: XmlNsDecl): boolean {
  return d.uri !== '' || d.prefix === undefined;
}

function splitName(name: string): { prefix: string | undefined; local: string } {
  const colon = name.indexOf(':');
  // Names with no colon, or with a colon libxml2 cannot split, stay unprefixed.
  if (colon <= 0 || colon === name.length - 1 || name.indexOf(':', colon + 1) >= 0) {
    return { prefix: undefined, local: name };
  }
  return { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}
