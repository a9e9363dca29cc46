// Typed attribute reads, each refusing what libvirt's parser refuses for that
// kind of value. libvirt reads some attributes with virXMLPropString (an empty
// value is a value) and some through XPath string() (an empty value is as if
// absent); `optionalText` is the second kind.
import type { ReadContext } from './parse-failure.js';
import { attribute, type XmlElement } from './xml-tree.js';

/** XPath-style read: '' counts as absent. */
export function optionalText(el: XmlElement, name: string): string | undefined {
  const value = attribute(el, name);
  return value === '' ? undefined : value;
}

export function requiredText(ctx: ReadContext, el: XmlElement, name: string): string {
  const value = attribute(el, name);
  if (value === undefined) ctx.fail(el, `missing required attribute '${name}'`);
  return value;
}

/** One of a fixed set of words, compared exactly (libvirt's *TypeFromString). */
export function enumValue<T extends string>(
  ctx: ReadContext,
  el: XmlElement,
  name: string,
  allowed: readonly T[],
  value = attribute(el, name),
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  ctx.fail(el, `${name} must be ${allowedList(allowed)}`, name);
}

function allowedList(allowed: readonly string[]): string {
  const quoted = allowed.map((a) => `'${a}'`);
  if (quoted.length <= 2) return quoted.join(' or ');
  return `one of ${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

const YES_NO = ['yes', 'no'] as const;
const ON_OFF = ['on', 'off'] as const;

export function yesNo(ctx: ReadContext, el: XmlElement, name: string): 'yes' | 'no' | undefined {
  return enumValue(ctx, el, name, YES_NO);
}

export function onOff(
  ctx: ReadContext,
  el: XmlElement,
  name: string,
  value = attribute(el, name),
): 'on' | 'off' | undefined {
  return enumValue(ctx, el, name, ON_OFF, value);
}

export const UINT32_MAX = 0xffffffff;

/**
 * A decimal unsigned integer as libvirt's virStrToLong_u* read one: optional
 * leading blanks and '+', then digits only. `max` is the C type's limit.
 */
export function unsigned(
  ctx: ReadContext,
  el: XmlElement,
  name: string,
  max: number,
  value = attribute(el, name),
): number | undefined {
  if (value === undefined) return undefined;
  const digits = /^[ \t\n]*\+?([0-9]+)$/.exec(value)?.[1];
  if (digits === undefined) ctx.fail(el, `${name} must be a non-negative integer`, name);
  const n = Number(digits);
  if (n > max) ctx.fail(el, `${name} must be at most ${max}`, name);
  return n;
}

/** XPath-style unsigned read (virXPathUInt / virXPathULong): '' counts as absent. */
export function optionalUnsigned(
  ctx: ReadContext,
  el: XmlElement,
  name: string,
  max: number,
): number | undefined {
  return unsigned(ctx, el, name, max, optionalText(el, name));
}
