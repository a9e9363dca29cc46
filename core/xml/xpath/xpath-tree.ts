// XPath's view of a parsed document: every node knows its parent and its place in
// document order (an element, then its attributes, then its children), which the
// axes and the ordering of results need and our XmlElement tree does not keep.
import type { XmlAttribute, XmlCdata, XmlComment, XmlElement, XmlNode, XmlPi, XmlText } from '../xml-tree.js';

interface Placed {
  /** Position in document order. */
  order: number;
  parent: XNode | undefined;
}

export interface XDocument extends Placed {
  kind: 'document';
  /** The root element alone. */
  children: XNode[];
}

export interface XElement extends Placed {
  kind: 'element';
  el: XmlElement;
  attributes: XAttribute[];
  children: XNode[];
}

export interface XAttribute extends Placed {
  kind: 'attribute';
  attr: XmlAttribute;
}

/** Text and CDATA stay separate nodes, as libxml2 keeps them. */
export interface XText extends Placed {
  kind: 'text';
  source: XmlText | XmlCdata;
}

export interface XOther extends Placed {
  kind: 'comment' | 'pi';
  source: XmlComment | XmlPi;
}

export type XNode = XDocument | XElement | XAttribute | XText | XOther;

export function documentOf(root: XmlElement): XDocument {
  let order = 0;
  const doc: XDocument = { kind: 'document', order: order++, parent: undefined, children: [] };
  const place = (node: XmlNode, parent: XNode): XNode => {
    switch (node.kind) {
      case 'element': {
        const x: XElement = {
          kind: 'element',
          el: node,
          order: order++,
          parent,
          attributes: [],
          children: [],
        };
        for (const attr of node.attrs)
          x.attributes.push({ kind: 'attribute', attr, order: order++, parent: x });
        for (const child of node.children) x.children.push(place(child, x));
        return x;
      }
      case 'text':
      case 'cdata':
        return { kind: 'text', source: node, order: order++, parent };
      case 'comment':
      case 'pi':
        return { kind: node.kind, source: node, order: order++, parent };
    }
  };
  doc.children.push(place(root, doc));
  return doc;
}

/** XPath's string-value. */
export function stringValue(node: XNode): string {
  switch (node.kind) {
    case 'document':
    case 'element':
      return node.children.map(stringValue).join('');
    case 'attribute':
      return node.attr.value;
    case 'text':
      return node.source.value;
    case 'comment':
      return node.source.kind === 'comment' ? node.source.value : '';
    case 'pi':
      return node.source.kind === 'pi' ? (node.source.data ?? '') : '';
  }
}

/** Children and descendants in document order; attributes are on their own axis. */
export function childrenOf(node: XNode): XNode[] {
  return node.kind === 'document' || node.kind === 'element' ? node.children : [];
}

export function descendantsOf(node: XNode): XNode[] {
  const out: XNode[] = [];
  const walk = (n: XNode): void => {
    for (const child of childrenOf(n)) {
      out.push(child);
      walk(child);
    }
  };
  walk(node);
  return out;
}
