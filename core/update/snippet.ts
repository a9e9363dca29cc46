// The XML of an update: exactly one element, named for the section, read with the
// same XML parser as whole definitions. Attribute values are kept as written (as the
// definition parser keeps them) except addresses, which get libvirt's canonical form.
import { formatIp, parseIp } from '../addr/ip.js';
import type { LeaseTime, NetworkDef, Pos } from '../model/network.js';
import type { Result } from '../result.js';
import { parseCNumber } from '../validate/c-number.js';
import { element, quote } from '../validate/problem-text.js';
import { parseXml } from '../xml/xml-parser.js';
import { attribute, firstChild, type XmlElement } from '../xml/xml-tree.js';
import { ok, updateFailure } from './update-problem.js';

export const posOf = (el: XmlElement): Pos => ({ line: el.line, col: el.col });

export function parseSnippet(def: NetworkDef, xml: string, expected: string): Result<XmlElement> {
  const parsed = parseXml(xml);
  if (!parsed.ok) {
    const { line, col, message } = parsed.error;
    const text = `network ${quote(def.name)}: update XML (line ${line}:${col}): ${message}`;
    return { ok: false, error: { code: 'xml-parse', message: text, network: def.name, at: { line, col } } };
  }
  const root = parsed.root;
  if (root.ns !== undefined || root.local !== expected) {
    return updateFailure(
      def,
      `<${root.name}>`,
      posOf(root),
      `is not a <${expected}> element, which this section takes`,
    );
  }
  return ok(root);
}

/** The element as the user wrote it, for messages: only the attributes given. */
export function asWritten(el: XmlElement, names: readonly string[]): string {
  return element(
    el.local,
    names.map((n) => [n, attribute(el, n)]),
  );
}

export function canonicalAddress(text: string): string {
  const parsed = parseIp(text);
  return parsed ? formatIp(parsed) : text;
}

const LEASE_UNITS = ['seconds', 'minutes', 'hours'] as const;

/** <lease expiry unit> inside <host> or <range>; absent expiry means no lease element. */
export function leaseOf(def: NetworkDef, parent: XmlElement): Result<LeaseTime | undefined> {
  const lease = firstChild(parent, 'lease');
  const expiry = lease ? attribute(lease, 'expiry') : undefined;
  if (!lease || expiry === undefined) return ok(undefined);
  const what = asWritten(lease, ['expiry', 'unit']);
  const value = parseCNumber(expiry);
  if (value === undefined)
    return updateFailure(def, what, posOf(lease), `expiry ${quote(expiry)} is not a number`);
  const unit = attribute(lease, 'unit');
  if (unit !== undefined && !(LEASE_UNITS as readonly string[]).includes(unit)) {
    return updateFailure(
      def,
      what,
      posOf(lease),
      `unit ${quote(unit)} is not one of seconds, minutes, hours`,
    );
  }
  const out: LeaseTime = { at: posOf(lease), expiry: value };
  if (unit !== undefined) out.unit = unit as LeaseTime['unit'];
  return ok(out);
}

/** An unsigned attribute (libvirt reads these with strtoul); undefined when absent. */
export function numberAttr(
  def: NetworkDef,
  el: XmlElement,
  name: string,
  what: string,
): Result<number | undefined> {
  const text = attribute(el, name);
  if (text === undefined) return ok(undefined);
  const value = /^[0-9]+$/.test(text) ? Number(text) : undefined;
  if (value === undefined)
    return updateFailure(def, what, posOf(el), `${name} ${quote(text)} is not a number`);
  return ok(value);
}
