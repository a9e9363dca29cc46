// <forward><address type='pci' .../>: the hostdev pool, each device listed once.
import type { ForwardDef, PciAddress } from '../model/network.js';
import { parseCNumber } from './c-number.js';
import { element, quote, type Report } from './problem-text.js';

const LIMITS = { domain: 0xffffffff, bus: 0xff, slot: 0x1f, function: 0x7 } as const;
type Field = keyof typeof LIMITS;
const FIELDS: Field[] = ['domain', 'bus', 'slot', 'function'];

export function addressElement(a: PciAddress): string {
  return element('address', [
    ['type', a.type],
    ['domain', a.domain],
    ['bus', a.bus],
    ['slot', a.slot],
    ['function', a.function],
  ]);
}

/** Problem text, or the canonical 'dddd:bb:ss.f' key when the address is sound. */
function pciKey(a: PciAddress): { problem: string } | { key: string } {
  if (a.type !== 'pci') return { problem: `type ${quote(a.type)} is not supported: only 'pci'` };
  const values: number[] = [];
  for (const field of FIELDS) {
    const text = a[field];
    const n = text === '' ? 0 : parseCNumber(text);
    if (n === undefined) return { problem: `${field} ${quote(text)} is not a number` };
    if (n > LIMITS[field])
      return { problem: `${field} ${quote(text)} is out of range (at most 0x${LIMITS[field].toString(16)})` };
    values.push(n);
  }
  return { key: values.map((n) => n.toString(16)).join(':') };
}

export function checkPciAddresses(fwd: ForwardDef, report: Report): void {
  const seen = new Set<string>();
  for (const address of fwd.addresses) {
    const result = pciKey(address);
    const at = address.at ?? fwd.at;
    if ('problem' in result)
      report('forward.pci-address-invalid', addressElement(address), at, result.problem);
    else if (seen.has(result.key))
      report(
        'forward.pci-address-repeated',
        addressElement(address),
        at,
        'is listed twice in the device pool',
      );
    else seen.add(result.key);
  }
}
