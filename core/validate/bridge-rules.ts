// <bridge>, <mac> and <mtu>. libvirt checks the MAC; the bridge name rules are the
// kernel's (at most 15 bytes, no '/', ':' or whitespace), caught here instead of
// when the link is created.
import type { NetworkDef } from '../model/network.js';
import { isMulticastMac, parseMac } from './mac-address.js';
import { element, quote, type Report } from './problem-text.js';

/** IFNAMSIZ less the terminating NUL. */
export const MAX_BRIDGE_NAME = 15;

function bridgeNameProblem(name: string): string | undefined {
  if (name === '') return 'name is empty';
  if (name.length > MAX_BRIDGE_NAME)
    return `name ${quote(name)} is longer than ${MAX_BRIDGE_NAME} characters`;
  if (/[\s/:]/.test(name)) return `name ${quote(name)} may not contain whitespace, '/' or ':'`;
  if (name === '.' || name === '..') return `name may not be ${quote(name)}`;
  return undefined;
}

export function checkBridge(def: NetworkDef, report: Report): void {
  const bridge = def.bridge;
  const nameProblem = bridge?.name === undefined ? undefined : bridgeNameProblem(bridge.name);
  if (bridge && nameProblem) report(element('bridge', [['name', bridge.name]]), bridge.at, nameProblem);
  if (def.mac) {
    const what = element('mac', [['address', def.mac.address]]);
    const octets = parseMac(def.mac.address);
    if (!octets) report(what, def.mac.at, `address ${quote(def.mac.address)} is not a valid MAC address`);
    else if (isMulticastMac(octets)) {
      report(
        what,
        def.mac.at,
        `address ${quote(def.mac.address)} is a multicast address; a bridge needs a unicast MAC`,
      );
    }
  }
  if (def.mtu && !(Number.isInteger(def.mtu.size) && def.mtu.size > 0)) {
    report(element('mtu', [['size', def.mtu.size]]), def.mtu.at, 'size must be a positive whole number');
  }
}
