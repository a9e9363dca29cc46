// Switchyard's own per-network settings live in the definition's <metadata>, in a
// namespace of ours, so the file stays a libvirt network XML: libvirt keeps the
// element (one per namespace) and ignores it, and a file taken back to libvirt
// loses nothing. Today there is one setting, whether VMs of unprivileged users
// (qemu-bridge-helper: GNOME Boxes, qemu:///session, a user's own qemu) may attach:
//   <metadata>
//     <switchyard:guests xmlns:switchyard="…" unprivilegedAttach="yes"/>
//   </metadata>
import type { NetworkDef } from '../model/network.js';
import { metadataBlock } from '../xml/metadata-block.js';
import { parseXml } from '../xml/xml-parser.js';
import type { XmlElement, XmlNode } from '../xml/xml-tree.js';

export const SWITCHYARD_NAMESPACE = 'http://switchyard.dev/schemas/network/1.0';
export const SWITCHYARD_PREFIX = 'switchyard';
const ELEMENT = 'guests';
const ATTRIBUTE = 'unprivilegedAttach';

/** Our element inside the metadata block, if there is one. */
function guestsElement(metadata: XmlElement): XmlElement | undefined {
  for (const child of metadata.children) {
    if (child.kind === 'element' && child.ns === SWITCHYARD_NAMESPACE && child.local === ELEMENT)
      return child;
  }
  return undefined;
}

function parsedMetadata(def: Pick<NetworkDef, 'metadata'>): XmlElement | undefined {
  if (def.metadata === undefined) return undefined;
  const tree = parseXml(def.metadata);
  return tree.ok ? tree.root : undefined;
}

/** Whether the definition lets qemu-bridge-helper attach unprivileged users' VMs. */
export function unprivilegedAttach(def: Pick<NetworkDef, 'metadata'>): boolean {
  // Cheap test first: the list view asks this of every network.
  if (!def.metadata?.includes(SWITCHYARD_NAMESPACE)) return false;
  const metadata = parsedMetadata(def);
  const el = metadata && guestsElement(metadata);
  return el?.attrs.some((a) => a.prefix === undefined && a.local === ATTRIBUTE && a.value === 'yes') ?? false;
}

/** The definition with the setting on or off; other metadata is kept as it was. */
export function withUnprivilegedAttach<T extends NetworkDef>(def: T, on: boolean): T {
  const metadata = parsedMetadata(def);
  const others = (metadata?.children ?? []).filter(
    (c) => !(c.kind === 'element' && c.ns === SWITCHYARD_NAMESPACE),
  );
  const children: XmlNode[] = on ? [...others, guestsNode()] : others;
  const { metadata: _old, ...rest } = def;
  if (!children.some((c) => c.kind === 'element')) return rest as T;
  const root: XmlElement = metadata ?? element('metadata', undefined, undefined);
  return { ...rest, metadata: metadataBlock({ ...root, children }, []) } as T;
}

function guestsNode(): XmlElement {
  const el = element(`${SWITCHYARD_PREFIX}:${ELEMENT}`, SWITCHYARD_PREFIX, SWITCHYARD_NAMESPACE);
  return {
    ...el,
    nsDecls: [{ prefix: SWITCHYARD_PREFIX, uri: SWITCHYARD_NAMESPACE }],
    attrs: [
      { name: ATTRIBUTE, prefix: undefined, local: ATTRIBUTE, ns: undefined, value: 'yes', line: 0, col: 0 },
    ],
  };
}

function element(name: string, prefix: string | undefined, ns: string | undefined): XmlElement {
  const local = name.slice(name.indexOf(':') + 1);
  return { kind: 'element', name, prefix, local, ns, nsDecls: [], attrs: [], children: [], line: 0, col: 0 };
}
