// <portgroup>s (named once, at most one default: the driver's rules) and the
// port profile elements on the network and on each portgroup.
import type { NetworkDef } from '../model/network.js';
import { checkBandwidth, checkVirtualPort, checkVlan } from './port-profile-rules.js';
import { element, quote, type Report } from './problem-text.js';

export function checkPortgroups(def: NetworkDef, report: Report): void {
  const names = new Set<string>();
  let defaultGroup: string | undefined;
  for (const group of def.portgroups) {
    const what = element('portgroup', [
      ['name', group.name],
      ['default', group.default],
    ]);
    if (group.name === '') report('portgroup.name-missing', what, group.at, 'needs a name attribute');
    else if (names.has(group.name))
      report('portgroup.name-repeated', what, group.at, 'repeats the name of an earlier <portgroup>');
    names.add(group.name);
    if (group.default === 'yes') {
      if (defaultGroup !== undefined) {
        report(
          'portgroup.default-several',
          what,
          group.at,
          `is a second default portgroup (${quote(defaultGroup)} is already the default)`,
        );
      } else defaultGroup = group.name;
    }
    if (group.vlan) checkVlan(group.vlan, group.at, report);
    if (group.bandwidth) checkBandwidth(group.bandwidth, group.at, report);
    if (group.virtualport) checkVirtualPort(group.virtualport, group.at, false, report);
  }
  if (def.vlan) checkVlan(def.vlan, def.at, report);
  if (def.bandwidth) checkBandwidth(def.bandwidth, def.at, report);
  if (def.virtualport) checkVirtualPort(def.virtualport, def.at, true, report);
}
