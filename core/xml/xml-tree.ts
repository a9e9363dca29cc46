// The element tree our XML parser builds. It keeps what libvirt's reading of a
// network needs (names with their namespace, attributes, text) and what the
// <metadata> block needs to be printed back the way libxml2 prints it (comments,
// CDATA, processing instructions, namespace declarations in source order).
// Positions are 1-based line and column (UTF-16 code units) of the '<' of an
// element, or of the first character of an attribute's name.

export interface XmlPosition {
  line: number;
  col: number;
}

/** A namespace declaration: prefix undefined is the default namespace (xmlns='...'). */
export interface XmlNsDecl {
  prefix: string | undefined;
  uri: string;
}

export interface XmlAttribute extends XmlPosition {
  /** The name as written, e.g. 'value' or 'xml:lang'. */
  name: string;
  prefix: string | undefined;
  local: string;
  /** Namespace URI of a prefixed attribute; unprefixed attributes have none. */
  ns: string | undefined;
  value: string;
}

export interface XmlElement extends XmlPosition {
  kind: 'element';
  /** The name as written (qualified name). */
  name: string;
  prefix: string | undefined;
  /** Local part; for a prefix nobody declared, libxml2 keeps the whole name here. */
  local: string;
  /** Namespace URI, or undefined for an element in no namespace. */
  ns: string | undefined;
  /** Shared and empty for most elements: never mutate. */
  nsDecls: readonly XmlNsDecl[];
  attrs: XmlAttribute[];
  /** Shared and frozen for empty elements: never mutate. */
  children: readonly XmlNode[];
}

export interface XmlText {
  kind: 'text';
  value: string;
}

export interface XmlCdata {
  kind: 'cdata';
  value: string;
}

export interface XmlComment {
  kind: 'comment';
  value: string;
}

export interface XmlPi {
  kind: 'pi';
  target: string;
  /** undefined when '?>' follows the target directly. */
  data: string | undefined;
}

export type XmlNode = XmlElement | XmlText | XmlCdata | XmlComment | XmlPi;

export interface XmlError extends XmlPosition {
  message: string;
}

export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; error: XmlError };

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

// The child walks below index instead of using for-of: most elements share the
// frozen empty children array, and for-of over a mix of frozen and ordinary
// arrays leaves V8's fast path and allocates an iterator result per step,
// thousands of times per parse (measured).

/** The element children of `el` in no namespace with local name `local`, in order. */
export function childElements(el: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const children = el.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind === 'element' && child.ns === undefined && child.local === local) out.push(child);
  }
  return out;
}

export function firstChild(el: XmlElement, local: string): XmlElement | undefined {
  const children = el.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind === 'element' && child.ns === undefined && child.local === local) return child;
  }
  return undefined;
}

/** Value of an attribute in no namespace, as libvirt's virXMLPropString reads it. */
export function attribute(el: XmlElement, name: string): string | undefined {
  for (const attr of el.attrs) {
    if (attr.prefix === undefined && attr.local === name) return attr.value;
  }
  return undefined;
}

/** XPath string(): all text and CDATA below `node`, concatenated in document order. */
export function textContent(el: XmlElement): string {
  let out = '';
  const children = el.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind === 'text' || child.kind === 'cdata') out += child.value;
    else if (child.kind === 'element') out += textContent(child);
  }
  return out;
}
