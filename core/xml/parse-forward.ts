// <forward> (libvirt's virNetworkForwardDefParseXML). The model keeps what was
// written: dev as an attribute, and <interface>, <address> and <pf> lists side by
// side; validation checks how they combine, and the formatter rebuilds libvirt's
// single device pool from them.
import type { ForwardDef, ForwardMode, NatDef, PciAddress } from '../model/network.js';
import { enumValue, optionalText, optionalUnsigned, requiredText, yesNo } from './attribute-readers.js';
import { canonicalCNumber, canonicalIp, hexPadded } from './canonical-values.js';
import { positionOf, type ReadContext } from './parse-failure.js';
import { attribute, childElements, firstChild, type XmlElement } from './xml-tree.js';

const MODES = ['nat', 'route', 'open', 'bridge', 'private', 'vepa', 'passthrough', 'hostdev'] as const;

/** undefined for mode='none', which libvirt reads as no <forward> at all. */
export function readForward(ctx: ReadContext, el: XmlElement): ForwardDef | undefined {
  const modeText = optionalText(el, 'mode');
  if (modeText === 'none') return undefined;
  const mode: ForwardMode | undefined = enumValue(ctx, el, 'mode', MODES, modeText);
  const fwd: ForwardDef = { at: positionOf(el), interfaces: [], pfs: [], addresses: [] };
  if (mode) fwd.mode = mode;
  const dev = optionalText(el, 'dev');
  if (dev !== undefined) fwd.dev = dev;
  const managed = optionalText(el, 'managed');
  // libvirt: managed='yes' in any case is yes; any other value is no.
  if (managed !== undefined) fwd.managed = managed.toLowerCase() === 'yes' ? 'yes' : 'no';
  const driverEl = firstChild(el, 'driver');
  const driverName = driverEl && optionalText(driverEl, 'name');
  if (driverEl && driverName !== undefined) fwd.driver = { name: driverName, at: positionOf(driverEl) };
  const nats = childElements(el, 'nat');
  if (nats.length > 1) ctx.fail(nats[1]!, 'only one <nat> is allowed in <forward>');
  if (nats[0]) fwd.nat = readNat(ctx, nats[0]);
  for (const i of childElements(el, 'interface')) {
    fwd.interfaces.push({ dev: requiredText(ctx, i, 'dev'), at: positionOf(i) });
  }
  for (const a of childElements(el, 'address')) fwd.addresses.push(readPciAddress(ctx, a));
  for (const pf of childElements(el, 'pf'))
    fwd.pfs.push({ dev: requiredText(ctx, pf, 'dev'), at: positionOf(pf) });
  return fwd;
}

function readNat(ctx: ReadContext, el: XmlElement): NatDef {
  const nat: NatDef = { at: positionOf(el) };
  const ipv6 = yesNo(ctx, el, 'ipv6');
  if (ipv6) nat.ipv6 = ipv6;
  const addresses = childElements(el, 'address');
  if (addresses.length > 1) ctx.fail(addresses[1]!, 'only one <address> is allowed in <nat>');
  const start = addresses[0] && attribute(addresses[0], 'start');
  if (start !== undefined) nat.addressStart = canonicalIp(start);
  const end = addresses[0] && attribute(addresses[0], 'end');
  if (end !== undefined) nat.addressEnd = canonicalIp(end);
  const ports = childElements(el, 'port');
  if (ports.length > 1) ctx.fail(ports[1]!, 'only one <port> is allowed in <nat>');
  const portStart = ports[0] && optionalUnsigned(ctx, ports[0], 'start', 0xffffffff);
  if (portStart !== undefined) nat.portStart = portStart;
  const portEnd = ports[0] && optionalUnsigned(ctx, ports[0], 'end', 0xffffffff);
  if (portEnd !== undefined) nat.portEnd = portEnd;
  return nat;
}

/** Parts are C numbers (0x.. hex, 0.. octal); a missing part is 0, as in libvirt. */
function readPciAddress(ctx: ReadContext, el: XmlElement): PciAddress {
  const part = (name: string, max: number, width: number): string =>
    canonicalCNumber(attribute(el, name) ?? '', max, hexPadded(width));
  return {
    at: positionOf(el),
    type: requiredText(ctx, el, 'type'),
    domain: part('domain', 0xffffffff, 4),
    bus: part('bus', 0xff, 2),
    slot: part('slot', 0x1f, 2),
    function: canonicalCNumber(attribute(el, 'function') ?? '', 7, (n) => `0x${n}`),
  };
}
