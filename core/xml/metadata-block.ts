// The <metadata> block, printed the way libvirt prints it: libvirt copies the
// element (xmlCopyNode, which declares on the copy any namespace its content
// borrowed from <network>), keeps only the first child element of each namespace
// (virXMLNodeSanitizeNamespaces: children in no namespace are dropped), then
// prints it with libxml2's xmlNodeDump at indentation level 1 (libxml-dump.ts).
import { copiedElement, dumpNode } from './libxml-dump.js';
import type { XmlElement, XmlNode, XmlNsDecl } from './xml-tree.js';

/** `<metadata>...</metadata>` without leading indentation or trailing newline. */
export function metadataBlock(metadata: XmlElement, outerScope: readonly XmlNsDecl[]): string {
  const copy = copiedElement(metadata, outerScope);
  return dumpNode({ ...copy, children: firstChildPerNamespace(metadata) }, 1, true, true);
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
