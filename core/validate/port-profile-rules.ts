// <vlan>, <bandwidth> and <virtualport>, which appear on the network and on each
// <portgroup> (libvirt's virNetDevVlanParse, virNetDevBandwidthParse and
// virNetDevVPortProfileParse).
import type {
  BandwidthDef,
  BandwidthRate,
  Pos,
  VirtualPortDef,
  VirtualPortParameters,
  VlanDef,
} from '../model/network.js';
import { parseCNumber } from './c-number.js';
import { element, type Finding, finding, quote, type Report } from './problem-text.js';
import { isValidUuid } from './uuid-text.js';

const MAX_VLAN_ID = 4095;

export function checkVlan(vlan: VlanDef, fallbackAt: Pos | undefined, report: Report): void {
  const at = vlan.at ?? fallbackAt;
  const what = element('vlan', [['trunk', vlan.trunk]]);
  if (vlan.tags.length === 0) report('vlan.tag-missing', what, at, "needs at least one <tag id='n'>");
  for (const tag of vlan.tags) {
    if (!Number.isInteger(tag.id) || tag.id < 0 || tag.id > MAX_VLAN_ID) {
      report(
        'vlan.tag-out-of-range',
        element('tag', [['id', tag.id]]),
        tag.at ?? at,
        `id is out of range (0-${MAX_VLAN_ID})`,
      );
    }
  }
  const natives = vlan.tags.filter((t) => t.nativeMode !== undefined);
  if (natives.length > 1) report('vlan.native-mode', what, at, 'may give nativeMode to only one <tag>');
  if (vlan.trunk === 'no' && vlan.tags.length > 1)
    report('vlan.trunk-needed', what, at, "needs trunk='yes' for more than one <tag>");
  else if (vlan.trunk === 'no' && natives.length > 0)
    report('vlan.native-mode', what, at, "may not use nativeMode with trunk='no'");
}

export function checkBandwidth(bandwidth: BandwidthDef, fallbackAt: Pos | undefined, report: Report): void {
  const rates: [string, BandwidthRate | undefined][] = [
    ['inbound', bandwidth.inbound],
    ['outbound', bandwidth.outbound],
  ];
  for (const [tag, rate] of rates) {
    if (!rate) continue;
    const problem = rateProblem(rate);
    if (!problem) continue;
    const what = element(tag, [
      ['average', rate.average],
      ['peak', rate.peak],
      ['burst', rate.burst],
      ['floor', rate.floor],
    ]);
    report(problem.rule, what, rate.at ?? bandwidth.at ?? fallbackAt, problem.text);
  }
}

function rateProblem(rate: BandwidthRate): Finding | undefined {
  if (rate.average === undefined && rate.floor === undefined)
    return finding('bandwidth.average-missing', 'needs an average (or floor) attribute');
  const shaped = rate.peak !== undefined || rate.burst !== undefined;
  if (shaped && rate.average === undefined)
    return finding('bandwidth.average-missing', 'needs an average attribute for peak or burst');
  // floor is for guest interfaces plugged into a network, never in the network itself.
  if (rate.floor !== undefined)
    return finding('bandwidth.floor', 'may not set floor in a network definition');
  return undefined;
}

type ParamName = keyof VirtualPortParameters;
type PortType = NonNullable<VirtualPortDef['type']>;

const ALLOWED_PARAMS: Record<PortType, ParamName[]> = {
  '802.1Qbg': ['managerid', 'typeid', 'typeidversion', 'instanceid'],
  '802.1Qbh': ['profileid'],
  openvswitch: ['interfaceid', 'profileid'],
  midonet: ['interfaceid'],
};

/** IFLA_VF_PORT_PROFILE_MAX less the terminating NUL. */
const MAX_PROFILE_ID = 39;

function paramProblem(name: ParamName, value: string): string | undefined {
  const numberLimit = { managerid: 0xff, typeid: 0xffffff, typeidversion: 0xff } as Partial<
    Record<ParamName, number>
  >;
  const limit = numberLimit[name];
  if (limit !== undefined) {
    const n = parseCNumber(value);
    return n === undefined || n > limit
      ? `${name} ${quote(value)} must be a number from 0 to ${limit}`
      : undefined;
  }
  if (name === 'instanceid' || name === 'interfaceid') {
    return isValidUuid(value) ? undefined : `${name} ${quote(value)} is not a valid UUID`;
  }
  return value.length > MAX_PROFILE_ID ? `profileid is longer than ${MAX_PROFILE_ID} characters` : undefined;
}

/** On the network itself the type is required; a portgroup may leave it to be merged. */
export function checkVirtualPort(
  port: VirtualPortDef,
  fallbackAt: Pos | undefined,
  requireType: boolean,
  report: Report,
): void {
  const at = port.at ?? fallbackAt;
  const what = element('virtualport', [['type', port.type]]);
  if (requireType && port.type === undefined)
    report('virtualport.type-missing', what, at, 'needs a type attribute');
  const params = port.parameters ?? {};
  for (const name of Object.keys(params) as ParamName[]) {
    const value = params[name];
    if (value === undefined) continue;
    if (port.type !== undefined && !ALLOWED_PARAMS[port.type].includes(name)) {
      report('virtualport.parameter-not-allowed', what, at, `may not have the parameter ${name}`);
      continue;
    }
    const problem = paramProblem(name, value);
    if (problem) report('virtualport.parameter-invalid', what, at, problem);
  }
}
