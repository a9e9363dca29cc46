// <vlan>, <virtualport>, <bandwidth> and <portgroup> as libvirt prints them
// (virNetDevVlanFormat, virNetDevVPortProfileFormat, virNetDevBandwidthFormat).
import type {
  BandwidthDef,
  BandwidthRate,
  PortgroupDef,
  VirtualPortDef,
  VirtualPortParameters,
  VlanDef,
} from '../model/network.js';
import { attr, type XmlWriter } from './xml-writer.js';

export function formatVlan(w: XmlWriter, vlan: VlanDef | undefined): void {
  if (!vlan || vlan.tags.length === 0) return;
  // More than one tag makes a trunk whether or not trunk='yes' was written.
  const trunk = vlan.trunk === 'yes' || vlan.tags.length > 1;
  w.open(`<vlan${trunk ? " trunk='yes'" : ''}>`);
  const native = vlan.tags.find((t) => t.nativeMode !== undefined);
  for (const tag of vlan.tags) {
    // libvirt keeps one native tag id and marks every tag carrying that id.
    const mode = native && tag.id === native.id ? native.nativeMode : undefined;
    w.line(`<tag${attr('id', tag.id)}${attr('nativeMode', mode)}/>`);
  }
  w.close('</vlan>');
}

type ParamName = keyof VirtualPortParameters;
type PortType = NonNullable<VirtualPortDef['type']> | 'none';

/** libvirt's print order, and which types print each parameter. */
const PARAMETERS: [ParamName, PortType[]][] = [
  ['managerid', ['802.1Qbg', 'none']],
  ['typeid', ['802.1Qbg', 'none']],
  ['typeidversion', ['802.1Qbg', 'none']],
  ['instanceid', ['802.1Qbg', 'none']],
  ['interfaceid', ['openvswitch', 'midonet', 'none']],
  ['profileid', ['openvswitch', '802.1Qbh', 'none']],
];

export function formatVirtualPort(w: XmlWriter, port: VirtualPortDef | undefined): void {
  if (!port) return;
  const params = port.parameters ?? {};
  // An empty profileid counts as not given, as in libvirt.
  const given = (name: ParamName): boolean => params[name] !== undefined && params[name] !== '';
  const hasParameters = PARAMETERS.some(([name]) => given(name));
  const type: PortType = port.type ?? 'none';
  const typeAttr = attr('type', port.type);
  if (!hasParameters) {
    if (port.type !== undefined) w.line(`<virtualport${typeAttr}/>`);
    return;
  }
  w.open(`<virtualport${typeAttr}>`);
  let line = '<parameters';
  for (const [name, types] of PARAMETERS) {
    if (given(name) && types.includes(type)) line += attr(name, params[name]);
  }
  w.line(`${line}/>`);
  w.close('</virtualport>');
}

export function formatBandwidth(w: XmlWriter, bandwidth: BandwidthDef | undefined): void {
  if (!bandwidth || (!bandwidth.inbound && !bandwidth.outbound)) return;
  w.open('<bandwidth>');
  formatRate(w, 'inbound', bandwidth.inbound);
  formatRate(w, 'outbound', bandwidth.outbound);
  w.close('</bandwidth>');
}

/** Zero means unset in libvirt, so zero values are not printed. */
function formatRate(w: XmlWriter, tag: string, rate: BandwidthRate | undefined): void {
  if (!rate || !(rate.average || rate.floor)) return;
  const nonZero = (n: number | undefined): number | undefined => (n ? n : undefined);
  w.line(
    `<${tag}${attr('average', nonZero(rate.average))}${attr('peak', nonZero(rate.peak))}` +
      `${attr('floor', nonZero(rate.floor))}${attr('burst', nonZero(rate.burst))}/>`,
  );
}

export function formatPortgroup(w: XmlWriter, group: PortgroupDef): void {
  const isDefault = group.default === 'yes' ? 'yes' : undefined;
  w.open(
    `<portgroup${attr('name', group.name)}${attr('default', isDefault)}` +
      `${attr('trustGuestRxFilters', group.trustGuestRxFilters)}>`,
  );
  formatVlan(w, group.vlan);
  formatVirtualPort(w, group.virtualport);
  formatBandwidth(w, group.bandwidth);
  w.close('</portgroup>');
}
