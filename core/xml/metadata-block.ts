// The <metadata> block, printed the way libvirt prints it: libvirt copies the
// element (xmlCopyNode, which declares on the copy any namespace its content
// borrowed from <network>), keeps only the first child element of each namespace
// (virXMLNodeSanitizeNamespaces: children in no namespace are dropped), then
// prints it with libxml2's xmlNodeDump at indentation level 1 (libxml-dump.ts).
import { dumpNode } from './libxml-dump.js';
import type { XmlElement, XmlNode, XmlNsDecl } from './xml-tree.js';

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
