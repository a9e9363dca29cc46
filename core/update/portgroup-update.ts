// portgroup: matched by name (virNetworkDefUpdatePortGroup). Only one portgroup may be
// the default, so an add or modify that makes a second default is refused.
import type { NetworkDef, PortgroupDef } from '../model/network.js';
import type { Result } from '../result.js';
import { quote } from '../validate/problem-text.js';
import { ParseFailure, ReadContext } from '../xml/parse-failure.js';
import { readPortgroup } from '../xml/parse-netdev.js';
import type { XmlElement } from '../xml/xml-tree.js';
import { asWritten, parseSnippet, posOf } from './snippet.js';
import { checkNewPortgroup } from './snippet-rules.js';
import { ok, updateFailure } from './update-problem.js';
import { type EffectiveCommand, inserted } from './update-request.js';

export function updatePortgroup(def: NetworkDef, command: EffectiveCommand, xml: string): Result<NetworkDef> {
  const root = parseSnippet(def, xml, 'portgroup');
  if (!root.ok) return root;
  const group = portgroupOf(def, root.value);
  if (!group.ok) return group;
  const checked = checkNewPortgroup(def, group.value);
  if (!checked.ok) return checked;
  const what = asWritten(root.value, ['name', 'default']);
  const at = posOf(root.value);
  const groups = def.portgroups;
  const found = groups.findIndex((g) => g.name === group.value.name);
  const currentDefault = groups.findIndex((g) => g.default === 'yes');
  if (found < 0 && (command === 'modify' || command === 'delete'))
    return updateFailure(def, what, at, 'matches no existing <portgroup> by name');
  if (found >= 0 && (command === 'add-first' || command === 'add-last'))
    return updateFailure(def, what, at, 'has the name of an existing <portgroup>');
  if (
    command !== 'delete' &&
    group.value.default === 'yes' &&
    currentDefault >= 0 &&
    currentDefault !== found
  ) {
    const other = groups[currentDefault]?.name ?? '';
    return updateFailure(def, what, at, `cannot be the default: ${quote(other)} already is`);
  }
  switch (command) {
    case 'modify':
      return ok({ ...def, portgroups: groups.map((g, k) => (k === found ? group.value : g)) });
    case 'delete':
      return ok({ ...def, portgroups: groups.filter((_, k) => k !== found) });
    case 'add-first':
    case 'add-last':
      return ok({ ...def, portgroups: inserted(groups, group.value, command) });
  }
}

/** The definition parser's own reading of <portgroup>, so both agree on every value. */
function portgroupOf(def: NetworkDef, el: XmlElement): Result<PortgroupDef> {
  try {
    return ok(readPortgroup(new ReadContext(def.name), el));
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.problem };
    throw e;
  }
}
