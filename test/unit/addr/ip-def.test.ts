import { describe, expect, it } from 'vitest';
import { formatCidr } from '../../../core/addr/cidr.js';
import { ipDefCidr, ipDefInterface, ipDefPrefix } from '../../../core/addr/ip-def.js';

describe('ipDefPrefix', () => {
  it('prefers an explicit prefix, then the netmask, then the class', () => {
    expect(ipDefPrefix({ address: '10.0.0.1', prefix: 16 })).toBe(16);
    expect(ipDefPrefix({ address: '10.0.0.1', netmask: '255.255.255.0' })).toBe(24);
    expect(ipDefPrefix({ address: '10.0.0.1' })).toBe(8);
    expect(ipDefPrefix({ address: '172.16.0.1' })).toBe(16);
    expect(ipDefPrefix({ address: '192.168.1.1' })).toBe(24);
    expect(ipDefPrefix({ address: '224.0.0.1' })).toBeUndefined();
  });
  it("treats prefix='0' as absent, as libvirt does", () => {
    expect(ipDefPrefix({ address: '192.168.1.1', prefix: 0 })).toBe(24);
  });
  it('defaults IPv6 to /64 and wildcards to /0', () => {
    expect(ipDefPrefix({ address: 'fd00::1' })).toBe(64);
    expect(ipDefPrefix({ address: '::' })).toBe(0);
    expect(ipDefPrefix({ address: '0.0.0.0' })).toBe(0);
  });
  it('gives undefined for a non-contiguous or bad netmask', () => {
    expect(ipDefPrefix({ address: '10.0.0.1', netmask: '255.0.255.0' })).toBeUndefined();
    expect(ipDefPrefix({ address: '10.0.0.1', netmask: 'nope' })).toBeUndefined();
  });
});

describe('ipDefCidr / ipDefInterface', () => {
  it('masks the address', () => {
    expect(formatCidr(ipDefCidr({ address: '192.168.122.1', netmask: '255.255.255.0' })!)).toBe(
      '192.168.122.0/24',
    );
    expect(ipDefCidr({ address: '192.168.122.1', prefix: 24 })?.address.value).toBe(0xc0a87a00n);
    expect(ipDefInterface({ address: '192.168.122.1', prefix: 24 })?.address.value).toBe(0xc0a87a01n);
    expect(formatCidr(ipDefCidr({ address: '2001:db8:ca2:2::1', prefix: 64 })!)).toBe('2001:db8:ca2:2::/64');
  });
  it('is undefined without a usable address or prefix', () => {
    expect(ipDefCidr({})).toBeUndefined();
    expect(ipDefCidr({ address: 'x' })).toBeUndefined();
    expect(ipDefCidr({ address: '10.0.0.1', prefix: 33 })).toBeUndefined();
    expect(ipDefCidr({ address: '240.0.0.1' })).toBeUndefined();
  });
});
