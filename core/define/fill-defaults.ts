// What net-define adds to a user's file before saving it, as libvirt does: a UUID,
// and for networks Switchyard runs a bridge name (virbr%d or the user's template),
// STP settings and a MAC. Pure: randomness and the names in use come from the caller.
import { managedModeOf, type NetworkDef } from '../model/network.js';
import type { Result } from '../result.js';
import { MAX_BRIDGE_NAME } from '../validate/bridge-rules.js';
import { utf8Length } from '../validate/utf8-length.js';

export interface DefineFacts {
  /** Bridge names used by host links or by other networks' definitions. */
  usedBridgeNames: ReadonlySet<string>;
  randomBytes(n: number): Uint8Array;
}

export type DefinedNetwork = NetworkDef & { uuid: string };

/** Fails only when the bridge name template has no free number left on this host. */
export function fillDefaults(def: NetworkDef, facts: DefineFacts): Result<DefinedNetwork> {
  const out: DefinedNetwork = { ...def, uuid: def.uuid ?? randomUuid(facts.randomBytes(16)) };
  if (managedModeOf(def) === undefined) return { ok: true, value: out };
  const template = def.bridge?.name ?? 'virbr%d';
  const name = template.includes('%d')
    ? pickBridgeName(template, facts.usedBridgeNames)
    : { ok: true as const, value: template };
  if (!name.ok)
    return {
      ok: false,
      error: { ...name.error, network: def.name, message: `network '${def.name}': ${name.error.message}` },
    };
  out.bridge = {
    ...def.bridge,
    name: name.value,
    stp: def.bridge?.stp ?? 'on',
    delay: def.bridge?.delay ?? 0,
  };
  if (!def.mac) out.mac = { address: randomMac(facts.randomBytes(3)) };
  return { ok: true, value: out };
}

/** The first number that makes TEMPLATE a name nobody uses; a conflict when every one is taken. */
export function pickBridgeName(template: string, used: ReadonlySet<string>): Result<string> {
  for (let i = 0; i < 4096; i++) {
    const name = template.replace('%d', String(i));
    // A long template runs out of room as the number grows: the kernel takes 15 bytes.
    if (utf8Length(name) > MAX_BRIDGE_NAME) break;
    if (!used.has(name)) return { ok: true, value: name };
  }
  return {
    ok: false,
    error: { code: 'conflict', message: `no free bridge name for template '${template}'` },
  };
}

/** 52:54:00 is the locally administered prefix QEMU and libvirt use for guests and bridges. */
export function randomMac(bytes: Uint8Array): string {
  const tail = Array.from(bytes.slice(0, 3), (b) => b.toString(16).padStart(2, '0'));
  return ['52', '54', '00', ...tail].join(':');
}

export function randomUuid(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes.slice(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
