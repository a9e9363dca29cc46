// The settings form as data: the definition its fields describe, printed with core's
// formatter and read back with core's reader, so the form shows the very message
// `switchyard net-define` would print for the same change.
import { formatCidr, networkOf, parseCidr } from '../../../../core/addr/index.js';
import {
  applySettings,
  moveAddress,
  type NetworkSettings,
  readSettings,
} from '../../../../core/define/index.js';
import { readNetworkDefinition } from '../../../../core/definition.js';
import type { NetworkDef } from '../../../../core/model/index.js';
import { formatNetworkXml } from '../../../../core/xml/index.js';
import { derivedRange } from '../create-wizard/wizard-form.js';
import { withoutPosition } from '../networks/problem-position.js';

export interface SettingsCheck {
  /** What net-define would say, or undefined when it would accept the definition. */
  problem?: string;
  /** The definition to save (when there is no problem). */
  xml?: string;
  changed: boolean;
}

export function sameSettings(a: NetworkSettings, b: NetworkSettings): boolean {
  return (Object.keys(a) as (keyof NetworkSettings)[]).every((k) => a[k] === b[k]);
}

export function checkSettings(base: NetworkDef, form: NetworkSettings): SettingsCheck {
  const changed = !sameSettings(form, readSettings(base));
  if (!changed) return { changed };
  const applied = applySettings(base, form);
  if (!applied.ok) return { changed, problem: applied.error.message };
  const xml = formatNetworkXml(applied.value, { inactive: true });
  const read = readNetworkDefinition(xml);
  return read.ok ? { changed, xml } : { changed, problem: withoutPosition(read.error.message) };
}

/**
 * Where the DHCP range goes when the IPv4 address moves to another subnet: the same
 * offsets in the new subnet, else .2 to the last before broadcast, as the wizard does.
 */
export function rangeAfterMove(
  from: string,
  to: string,
  range: { start: string; end: string },
): { start: string; end: string } | undefined {
  const a = parseCidr(from.trim());
  const b = parseCidr(to.trim());
  if (a?.address.family !== 4 || b?.address.family !== 4) return undefined;
  const oldNet = { address: networkOf(a.address, a.prefix), prefix: a.prefix };
  const newNet = { address: networkOf(b.address, b.prefix), prefix: b.prefix };
  if (oldNet.prefix === newNet.prefix && oldNet.address.value === newNet.address.value) return undefined;
  const start = moveAddress(range.start.trim(), oldNet, newNet);
  const end = moveAddress(range.end.trim(), oldNet, newNet);
  if (start && end) return { start, end };
  return derivedRange(formatCidr(newNet));
}
