// What each forward mode allows in the rest of the network: libvirt's parser
// checks (L3 modes need an <ip> and at most one uplink; device-pool modes have no
// bridge of their own) and the driver's (no <mac>, <ip>, DNS records, <domain> or
// bandwidth where libvirt configures no bridge; PCI <address> pools only in
// hostdev mode). Where libvirt 9.0 differs: its XML parser accepts an <ip> in a
// device-pool mode and a PCI pool outside hostdev mode, and only its network
// driver refuses them at net-define, so its 9.x test data (passthrough-pf,
// passthrough-address-crash) parse cleanly; libvirt >= 10 refuses both when it
// validates a definition, as net-validate does here.
import { effectiveMode, type ForwardMode, type NetworkDef } from '../model/network.js';
import { assertNever } from '../result.js';
import { ruleInterfaceProblem } from './bridge-rules.js';
import { forwardDevices } from './forward-devices.js';
import { forwardElement } from './forward-rules.js';
import { addressElement } from './pci-address-rules.js';
import { element, quote, type Report } from './problem-text.js';

type PoolMode = Exclude<ForwardMode, 'nat' | 'route' | 'open'>;

export function checkModeRules(def: NetworkDef, report: Report): void {
  const mode = effectiveMode(def);
  checkPciPool(def, mode, report);
  switch (mode) {
    case 'isolated':
      return;
    case 'nat':
    case 'route':
    case 'open':
      checkL3Mode(def, mode, report);
      return;
    case 'private':
    case 'vepa':
    case 'passthrough':
    case 'hostdev':
      checkNoOwnBridge(def, mode, report);
      checkPoolMode(def, mode, report);
      return;
    case 'bridge':
      checkPoolMode(def, mode, report);
      return;
    default:
      assertNever(mode, 'forward mode');
  }
}

function checkL3Mode(def: NetworkDef, mode: 'nat' | 'route' | 'open', report: Report): void {
  const fwd = def.forward;
  if (!fwd) return;
  if (def.ips.length === 0) {
    report(
      'mode.ip-missing',
      forwardElement(fwd),
      fwd.at,
      `needs at least one <ip>: a ${mode} network routes to its own subnet`,
    );
  }
  const devices = forwardDevices(fwd);
  if (mode === 'open' && devices.length > 0) {
    report(
      'mode.open-forward-device',
      forwardElement(fwd),
      fwd.at,
      "may not name a forward device: mode='open' places no restriction on traffic",
    );
  } else if (devices.length > 1) {
    report(
      'mode.forward-devices-several',
      forwardElement(fwd),
      fwd.at,
      `may name only one forward device, not ${devices.length}`,
    );
  }
  // The uplink goes into the firewall rules beside the bridge, under the same rules.
  for (const device of devices) {
    if (device.dev === '') continue;
    const problem = ruleInterfaceProblem(device.dev, { label: 'dev', shown: device.dev });
    const what = device.dev === fwd.dev ? forwardElement(fwd) : element('interface', [['dev', device.dev]]);
    if (problem) report('forward.dev-invalid', what, device.at, problem);
  }
}

/** Modes that hand guests a host device directly: no bridge for Switchyard to configure. */
function checkNoOwnBridge(def: NetworkDef, mode: PoolMode, report: Report): void {
  const bridge = def.bridge;
  if (!bridge) return;
  const what = element('bridge', [
    ['name', bridge.name],
    ['zone', bridge.zone],
    ['macTableManager', bridge.macTableManager],
  ]);
  const used = [
    bridge.name !== undefined && 'name',
    bridge.zone !== undefined && 'zone',
    bridge.macTableManager !== undefined && 'macTableManager',
  ].filter((x): x is string => typeof x === 'string');
  if (used.length > 0)
    report(
      'mode.bridge-not-own',
      what,
      bridge.at,
      `may not set ${used.join(', ')} with <forward mode=${quote(mode)}>`,
    );
}

function checkPoolMode(def: NetworkDef, mode: PoolMode, report: Report): void {
  const onlyL3 = `with <forward mode=${quote(mode)}>: only nat, route, open and isolated networks`;
  const bridge = def.bridge;
  if (bridge && ((bridge.delay ?? 0) !== 0 || bridge.stp !== undefined || bridge.zone !== undefined)) {
    const what = element('bridge', [
      ['stp', bridge.stp],
      ['delay', bridge.delay],
      ['zone', bridge.zone],
    ]);
    report(
      'mode.bridge-settings',
      what,
      bridge.at,
      `may not set stp, delay or zone ${onlyL3} have their own bridge`,
    );
  }
  const fwd = def.forward;
  if (bridge?.name !== undefined && fwd && (forwardDevices(fwd).length > 0 || fwd.pfs.length > 0)) {
    report(
      'mode.bridge-and-devices',
      forwardElement(fwd),
      fwd.at,
      `may name a bridge or forward devices, not both (bridge ${quote(bridge.name)})`,
    );
  }
  if (def.mtu)
    report(
      'mode.mtu',
      element('mtu', [['size', def.mtu.size]]),
      def.mtu.at,
      `is not supported ${onlyL3} set an MTU`,
    );
  if (def.mac)
    report(
      'mode.mac',
      element('mac', [['address', def.mac.address]]),
      def.mac.at,
      `is not supported ${onlyL3} have a MAC`,
    );
  const ip = def.ips[0];
  if (ip)
    report(
      'mode.ip',
      element('ip', [['address', ip.address]]),
      ip.at,
      `is not supported ${onlyL3} have addresses`,
    );
  const dns = def.dns;
  if (dns && dns.txts.length + dns.hosts.length + dns.srvs.length > 0) {
    report('mode.dns', element('dns'), dns.at, `records are not supported ${onlyL3} run DNS`);
  }
  if (def.domain)
    report(
      'mode.dns',
      element('domain', [['name', def.domain.name]]),
      def.domain.at,
      `is not supported ${onlyL3} run DNS`,
    );
  checkPoolDevices(def, mode, report);
  checkBandwidthAllowed(def, mode, report);
}

function checkPoolDevices(def: NetworkDef, mode: PoolMode, report: Report): void {
  const fwd = def.forward;
  if (!fwd) return;
  // dev beside <address>/<pf> is already reported by forward-rules.ts.
  const namesDevices =
    fwd.interfaces.length > 0 || (fwd.dev !== undefined && fwd.addresses.length + fwd.pfs.length === 0);
  if (mode === 'hostdev' && namesDevices) {
    report(
      'mode.hostdev-network-devices',
      forwardElement(fwd),
      fwd.at,
      'lists network devices, but a hostdev pool lists devices by PCI <address>',
    );
  }
}

/** A pool of PCI devices is handed to guests as hostdevs: hostdev mode only. */
function checkPciPool(def: NetworkDef, mode: ForwardMode | 'isolated', report: Report): void {
  const first = def.forward?.addresses[0];
  if (mode === 'hostdev' || !first) return;
  report(
    'mode.pci-pool-outside-hostdev',
    addressElement(first),
    first.at ?? def.forward?.at,
    `lists a device by PCI address, which only <forward mode='hostdev'> pools do, not mode=${quote(mode)}`,
  );
}

/** Bandwidth needs a bridge libvirt controls: L3 modes, or mode='bridge' with a named bridge. */
function checkBandwidthAllowed(def: NetworkDef, mode: PoolMode, report: Report): void {
  const networkWide = mode === 'bridge' && def.bridge?.name !== undefined;
  if (def.bandwidth && !networkWide) {
    report(
      'mode.bandwidth',
      element('bandwidth'),
      def.bandwidth.at,
      `is not supported with <forward mode=${quote(mode)}>`,
    );
  }
  for (const group of def.portgroups) {
    if (group.bandwidth && !networkWide) {
      report(
        'mode.bandwidth',
        element('bandwidth'),
        group.bandwidth.at ?? group.at,
        `in <portgroup name=${quote(group.name)}> is not supported with <forward mode=${quote(mode)}>`,
      );
    }
  }
}
