// <forward>'s own content: driver, <nat>, and the device pool (<interface>,
// <address>, <pf>), as libvirt's virNetworkForwardDefParseXML and the driver's
// pool checks. What each mode allows elsewhere in the network is in mode-rules.ts.
import { parseIpv4 } from '../addr/ip.js';
import type { ForwardDef, NatDef, NetworkDef } from '../model/network.js';
import { forwardDevices } from './forward-devices.js';
import { checkPciAddresses } from './pci-address-rules.js';
import { element, type Finding, finding, quote, type Report } from './problem-text.js';

const DRIVER_NAMES = ['kvm', 'vfio'];

export function forwardElement(fwd: ForwardDef): string {
  return element('forward', [
    ['mode', fwd.mode],
    ['dev', fwd.dev],
  ]);
}

export function checkForward(def: NetworkDef, report: Report): void {
  const fwd = def.forward;
  if (!fwd) return;
  if (fwd.driver && !DRIVER_NAMES.includes(fwd.driver.name)) {
    report(
      'forward.driver-invalid',
      element('driver', [['name', fwd.driver.name]]),
      fwd.driver.at,
      "name must be 'kvm' or 'vfio'",
    );
  }
  if (fwd.nat) checkNat(fwd, fwd.nat, report);
  checkDevicePool(fwd, report);
}

function checkNat(fwd: ForwardDef, nat: NatDef, report: Report): void {
  if ((fwd.mode ?? 'nat') !== 'nat') {
    report(
      'forward.nat-outside-nat-mode',
      element('nat'),
      nat.at ?? fwd.at,
      `is only allowed with <forward mode='nat'>, not mode=${quote(fwd.mode ?? '')}`,
    );
    return;
  }
  const addressProblem = natAddressProblem(nat);
  if (addressProblem) {
    const what = element('address', [
      ['start', nat.addressStart],
      ['end', nat.addressEnd],
    ]);
    report(addressProblem.rule, what, nat.at, addressProblem.text);
  }
  const portProblem = natPortProblem(nat);
  if (portProblem) {
    const what = element('port', [
      ['start', nat.portStart],
      ['end', nat.portEnd],
    ]);
    report(portProblem.rule, what, nat.at, portProblem.text);
  }
}

function natAddressProblem(nat: NatDef): Finding | undefined {
  if (nat.addressStart === undefined && nat.addressEnd === undefined) return undefined;
  if (nat.addressStart === undefined || nat.addressEnd === undefined)
    return finding('forward.nat-address-invalid', 'needs both start and end');
  const start = parseIpv4(nat.addressStart);
  const end = parseIpv4(nat.addressEnd);
  if (!start)
    return finding(
      'forward.nat-address-invalid',
      `start ${quote(nat.addressStart)} is not a valid IPv4 address`,
    );
  if (!end)
    return finding('forward.nat-address-invalid', `end ${quote(nat.addressEnd)} is not a valid IPv4 address`);
  // Same legacy size rule as DHCP ranges: only the last 16 bits may differ.
  if (start.value >> 16n !== end.value >> 16n)
    return finding('forward.nat-address-too-large', 'is too large (more than 65535 addresses)');
  if (start.value > end.value)
    return finding('forward.nat-address-reversed', 'is reversed: start comes after end');
  return undefined;
}

function natPortProblem(nat: NatDef): Finding | undefined {
  if (nat.portStart === undefined && nat.portEnd === undefined) return undefined;
  const inRange = (n: number | undefined): n is number =>
    n !== undefined && Number.isInteger(n) && n >= 0 && n <= 65535;
  if (!inRange(nat.portStart))
    return finding('forward.nat-port-invalid', 'start is missing or out of range (0-65535)');
  if (!inRange(nat.portEnd))
    return finding('forward.nat-port-invalid', 'end is missing or out of range (0-65535)');
  if (nat.portEnd < nat.portStart)
    return finding('forward.nat-port-reversed', 'is reversed: start comes after end');
  return undefined;
}

function checkDevicePool(fwd: ForwardDef, report: Report): void {
  const devPlusElements = fwd.dev !== undefined && (fwd.addresses.length > 0 || fwd.pfs.length > 0);
  if (devPlusElements) {
    report(
      'forward.dev-with-pool',
      forwardElement(fwd),
      fwd.at,
      'may not have a dev attribute when it lists <address> or <pf> elements',
    );
  }
  checkInterfaces(fwd, report);
  checkPciAddresses(fwd, report);
  for (const pf of fwd.pfs.slice(1)) {
    report(
      'forward.pf-several',
      element('pf', [['dev', pf.dev]]),
      pf.at ?? fwd.at,
      'is a second <pf>: only one is allowed',
    );
  }
  for (const pf of fwd.pfs) {
    if (pf.dev === '') report('forward.dev-missing', element('pf'), pf.at ?? fwd.at, 'needs a dev attribute');
  }
  const kinds = [fwd.interfaces.length, fwd.addresses.length, fwd.pfs.length].filter((n) => n > 0).length;
  if (kinds > 1 && !devPlusElements) {
    report(
      'forward.pool-kinds-mixed',
      forwardElement(fwd),
      fwd.at,
      'may list <interface>, <address> or <pf> elements, but only one kind',
    );
  }
}

function checkInterfaces(fwd: ForwardDef, report: Report): void {
  const first = fwd.interfaces[0];
  if (fwd.dev !== undefined && first && first.dev !== fwd.dev) {
    report(
      'forward.dev-first-interface',
      element('interface', [['dev', first.dev]]),
      first.at ?? fwd.at,
      `must match <forward dev=${quote(fwd.dev)}>, as the first interface`,
    );
  }
  const seen = new Set<string>();
  for (const device of forwardDevices(fwd)) {
    const what = element('interface', [['dev', device.dev]]);
    if (device.dev === '') report('forward.dev-missing', what, device.at, 'needs a dev attribute');
    else if (seen.has(device.dev)) report('forward.interface-repeated', what, device.at, 'is listed twice');
    seen.add(device.dev);
  }
}
