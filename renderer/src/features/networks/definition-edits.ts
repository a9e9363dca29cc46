// Edits the app makes to a definition on the user's behalf (clone, replace on import).
// Each parses with core, changes the model and prints it again, so the result is
// exactly what `switchyard net-dumpxml` would show.
import { readNetworkDefinition } from '../../../../core/definition.js';
import type { NetworkDef } from '../../../../core/model/index.js';
import { formatNetworkXml } from '../../../../core/xml/index.js';

function readOrThrow(xml: string): NetworkDef {
  const read = readNetworkDefinition(xml);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

function edit(xml: string, change: (def: NetworkDef) => NetworkDef): string {
  return formatNetworkXml(change(readOrThrow(xml)), { inactive: true });
}

/** A copy under a new name; identity (UUID, MAC, bridge name) is left for define to fill. */
export function cloneXml(xml: string, name: string): string {
  return edit(xml, (def) => withoutIdentity({ ...def, name }));
}

function withoutIdentity(def: NetworkDef): NetworkDef {
  const { uuid: _uuid, mac: _mac, ...rest } = def;
  return { ...rest, ...(def.bridge ? { bridge: { ...def.bridge, name: undefined } } : {}) };
}

/**
 * The file's definition in place of an existing network of its name: the network
 * keeps its identity (UUID; bridge name and MAC unless the file sets them), so a file
 * exported elsewhere replaces it rather than clashing with it.
 */
export function replacingXml(fileXml: string, existingXml: string): string {
  const existing = readOrThrow(existingXml);
  return edit(fileXml, (def) => ({
    ...def,
    ...(existing.uuid ? { uuid: existing.uuid } : {}),
    ...((def.mac ?? existing.mac) ? { mac: def.mac ?? existing.mac } : {}),
    ...(existing.bridge?.name && !def.bridge?.name
      ? { bridge: { ...def.bridge, name: existing.bridge.name } }
      : {}),
  }));
}
