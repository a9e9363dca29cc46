// <lease expiry='N' unit='...'/> as dnsmasq's lease-time suffix. libvirt's unit
// defaults to minutes, and expiry 0 means the lease never ends.
import type { LeaseTime } from '../model/network.js';
import { assertNever } from '../result.js';

export function dnsmasqLeaseTime(lease: LeaseTime | undefined): string | undefined {
  if (!lease) return undefined;
  if (lease.expiry === 0) return 'infinite';
  return `${lease.expiry}${unitLetter(lease.unit ?? 'minutes')}`;
}

function unitLetter(unit: NonNullable<LeaseTime['unit']>): string {
  switch (unit) {
    case 'seconds':
      return 's';
    case 'minutes':
      return 'm';
    case 'hours':
      return 'h';
    default:
      return assertNever(unit, 'lease unit');
  }
}
