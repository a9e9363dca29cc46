import { describe, expect, it } from 'vitest';
import { sortedByMac } from '../../../cli/verbs/query.js';
import type { Lease } from '../../../host/readers/leases.js';

const lease = (mac: string | undefined, ip: string): Lease => ({
  expiry: 0,
  mac,
  protocol: mac ? 'ipv4' : 'ipv6',
  ip,
  prefix: undefined,
  hostname: undefined,
  clientId: undefined,
});

describe('net-dhcp-leases order', () => {
  it('sorts by MAC as virsh does, whatever order dnsmasq keeps, leases without a MAC first', () => {
    const file = [
      lease('52:54:00:00:00:bb', '10.0.0.16'),
      lease(undefined, 'fd00::9'),
      lease('52:54:00:00:00:AA', '10.0.0.90'),
      lease('52:54:00:00:00:aa', '10.0.0.91'),
    ];
    expect(sortedByMac(file).map((l) => l.ip)).toEqual(['fd00::9', '10.0.0.90', '10.0.0.91', '10.0.0.16']);
  });
});
