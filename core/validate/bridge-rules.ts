// <bridge>, <mac> and <mtu>. libvirt checks the MAC; the bridge name rules are the
// kernel's (at most 15 bytes, no '/', ':' or whitespace), caught here instead of
// when the link is created. A bridge Switchyard runs itself also goes into its
// nftables rules as a quoted string, which has no escapes, so its name may use
// only the characters nft can carry.
import { NFT_IFACE_CHARS } from '../firewall/nft-text.js';
import { managedModeOf, type NetworkDef } from '../model/network.js';
import { isMulticastMac, parseMac } from './mac-address.js';
import { element, quote, type Report } from './problem-text.js';
import { utf8Length } from './utf8-length.js';

/** IFNAMSIZ less the terminating NUL. */
export const MAX_BRIDGE_NAME = 15;

/** Which attribute a message is about ('name', 'dev') and the value it quotes (a template as written). */
interface Subject {
  label: string;
  shown: string;
}

/** The kernel's rules for an interface name, in bytes as the kernel counts them. */
export function interfaceNameProblem(name: string, subject: Subject): string | undefined {
  const { label, shown } = subject;
  if (name === '') return `${label} is empty`;
  const bytes = utf8Length(name);
  if (bytes > MAX_BRIDGE_NAME)
    return `${label} ${quote(shown)} is ${bytes} bytes long; the kernel allows at most ${MAX_BRIDGE_NAME}`;
  if (/[\s/:]/.test(name)) return `${label} ${quote(shown)} may not contain whitespace, '/' or ':'`;
  if (name === '.' || name === '..') return `${label} may not be ${quote(shown)}`;
  return undefined;
}

/** An interface our firewall rules name: the kernel's rules, then the characters nft can quote. */
export function ruleInterfaceProblem(name: string, subject: Subject): string | undefined {
  const kernel = interfaceNameProblem(name, subject);
  if (kernel) return kernel;
  if (!NFT_IFACE_CHARS.test(name))
    return `${subject.label} ${quote(subject.shown)} may contain only letters, digits and '_' '.' '+' '@' '-' (nft rules carry no other characters)`;
  return undefined;
}

function bridgeNameProblem(def: NetworkDef, name: string): string | undefined {
  // A template's '%d' becomes a number when the network is defined: check the name it gives.
  const real = name.replace('%d', '0');
  const subject = { label: 'name', shown: name };
  return managedModeOf(def) === undefined
    ? interfaceNameProblem(real, subject)
    : ruleInterfaceProblem(real, subject);
}

export function checkBridge(def: NetworkDef, report: Report): void {
  const bridge = def.bridge;
  const nameProblem = bridge?.name === undefined ? undefined : bridgeNameProblem(def, bridge.name);
  if (bridge && nameProblem)
    report('bridge.name-invalid', element('bridge', [['name', bridge.name]]), bridge.at, nameProblem);
  if (def.mac) {
    const what = element('mac', [['address', def.mac.address]]);
    const octets = parseMac(def.mac.address);
    if (!octets)
      report('mac.invalid', what, def.mac.at, `address ${quote(def.mac.address)} is not a valid MAC address`);
    else if (isMulticastMac(octets)) {
      report(
        'mac.multicast',
        what,
        def.mac.at,
        `address ${quote(def.mac.address)} is a multicast address; a bridge needs a unicast MAC`,
      );
    }
  }
  if (def.mtu && !(Number.isInteger(def.mtu.size) && def.mtu.size > 0)) {
    report(
      'mtu.invalid',
      element('mtu', [['size', def.mtu.size]]),
      def.mtu.at,
      'size must be a positive whole number',
    );
  }
}
