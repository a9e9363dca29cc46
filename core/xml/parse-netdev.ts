// <vlan>, <virtualport>, <bandwidth> and <portgroup> (libvirt's netdev_*_conf.c
// readers), which appear on the network and inside each portgroup.
import type {
  BandwidthDef,
  BandwidthRate,
  PortgroupDef,
  VirtualPortDef,
  VirtualPortParameters,
  VlanDef,
} from '../model/network.js';
import { enumValue, optionalText, optionalUnsigned, unsigned, yesNo } from './attribute-readers.js';
import { canonicalCNumber, canonicalUuid } from './canonical-values.js';
import { positionOf, type ReadContext } from './parse-failure.js';
import { attribute, childElements, firstChild, type XmlElement } from './xml-tree.js';

export function readVlan(ctx: ReadContext, el: XmlElement): VlanDef {
  const vlan: VlanDef = { at: positionOf(el), tags: [] };
  for (const tagEl of childElements(el, 'tag')) {
    const id = optionalUnsigned(ctx, tagEl, 'id', Number.MAX_SAFE_INTEGER);
    if (id === undefined) ctx.fail(tagEl, "missing required attribute 'id'");
    const nativeMode = enumValue(
      ctx,
      tagEl,
      'nativeMode',
      ['tagged', 'untagged'],
      optionalText(tagEl, 'nativeMode'),
    );
    vlan.tags.push(nativeMode ? { id, nativeMode, at: positionOf(tagEl) } : { id, at: positionOf(tagEl) });
  }
  const trunk = optionalText(el, 'trunk');
  if (trunk !== undefined) {
    // libvirt compares case-insensitively here.
    const word = trunk.toLowerCase();
    if (word !== 'yes' && word !== 'no') ctx.fail(el, "trunk must be 'yes' or 'no'", 'trunk');
    vlan.trunk = word;
  }
  return vlan;
}

const PORT_TYPES = ['802.1Qbg', '802.1Qbh', 'openvswitch', 'midonet'] as const;

export function readVirtualPort(ctx: ReadContext, el: XmlElement): VirtualPortDef {
  const port: VirtualPortDef = { at: positionOf(el) };
  const type = enumValue(ctx, el, 'type', PORT_TYPES);
  if (type) port.type = type;
  const params = firstChild(el, 'parameters');
  if (params) port.parameters = readParameters(params);
  return port;
}

const decimal = (n: number): string => String(n);

/** Numbers are C numbers (0x.. allowed) printed in decimal; UUIDs printed canonically. */
function readParameters(el: XmlElement): VirtualPortParameters {
  const out: VirtualPortParameters = {};
  const read = (name: keyof VirtualPortParameters, canonical: (v: string) => string): void => {
    const value = attribute(el, name);
    if (value !== undefined) out[name] = canonical(value);
  };
  read('managerid', (v) => canonicalCNumber(v, 0xff, decimal));
  read('typeid', (v) => canonicalCNumber(v, 0xffffff, decimal));
  read('typeidversion', (v) => canonicalCNumber(v, 0xff, decimal));
  read('instanceid', canonicalUuid);
  read('profileid', (v) => v);
  read('interfaceid', canonicalUuid);
  return out;
}

/** Rates are unsigned long long in libvirt (kB/s, kB). */
const RATE_MAX = Number.MAX_SAFE_INTEGER;

/** undefined when neither <inbound> nor <outbound> is given, as libvirt drops the element then. */
export function readBandwidth(ctx: ReadContext, el: XmlElement): BandwidthDef | undefined {
  const bandwidth: BandwidthDef = { at: positionOf(el) };
  for (const direction of ['inbound', 'outbound'] as const) {
    const found = childElements(el, direction);
    if (found.length > 1) ctx.fail(found[1]!, `only one <${direction}> is allowed in <bandwidth>`);
    if (found[0]) bandwidth[direction] = readRate(ctx, found[0]);
  }
  return bandwidth.inbound || bandwidth.outbound ? bandwidth : undefined;
}

function readRate(ctx: ReadContext, el: XmlElement): BandwidthRate {
  const rate: BandwidthRate = { at: positionOf(el) };
  for (const name of ['average', 'peak', 'burst', 'floor'] as const) {
    const value = unsigned(ctx, el, name, RATE_MAX);
    if (value !== undefined) rate[name] = value;
  }
  return rate;
}

export function readPortgroup(ctx: ReadContext, el: XmlElement): PortgroupDef {
  const name = optionalText(el, 'name');
  if (name === undefined) ctx.fail(el, "missing required attribute 'name'");
  const group: PortgroupDef = { at: positionOf(el), name };
  // libvirt: default='yes' in any case makes it the default; any other value does not.
  if (optionalText(el, 'default')?.toLowerCase() === 'yes') group.default = 'yes';
  const trust = yesNo(ctx, el, 'trustGuestRxFilters');
  if (trust) group.trustGuestRxFilters = trust;
  const vlanEl = firstChild(el, 'vlan');
  if (vlanEl) group.vlan = readVlan(ctx, vlanEl);
  const portEl = firstChild(el, 'virtualport');
  if (portEl) group.virtualport = readVirtualPort(ctx, portEl);
  const bandwidthEl = firstChild(el, 'bandwidth');
  const bandwidth = bandwidthEl && readBandwidth(ctx, bandwidthEl);
  if (bandwidth) group.bandwidth = bandwidth;
  return group;
}
