import { describe, expect, it } from 'vitest';
import { type Cidr, formatCidr, parseCidr } from '../../../core/addr/cidr.js';
import { generateUlaPrefix, suggestFreeSubnet } from '../../../core/addr/free-subnet.js';
import { formatIp } from '../../../core/addr/ip.js';

const cidrs = (...texts: string[]): Cidr[] => texts.map((t) => parseCidr(t)!);
const suggest = (...inUse: string[]): string | undefined => {
  const c = suggestFreeSubnet(cidrs(...inUse));
  return c && formatCidr(c);
};

describe('suggestFreeSubnet', () => {
  it("starts with libvirt's default subnet", () => {
    expect(suggest()).toBe('192.168.122.0/24');
  });
  it('moves to the next /24 when the default is taken', () => {
    expect(suggest('192.168.122.0/24')).toBe('192.168.123.0/24');
    expect(suggest('192.168.122.1/24', '192.168.123.0/25')).toBe('192.168.124.0/24');
  });
  it('ignores IPv6 and unrelated subnets', () => {
    expect(suggest('fd00::/8', '10.0.0.0/8', '192.168.1.0/24')).toBe('192.168.122.0/24');
  });
  it('wraps to the low part of 192.168/16 after .255', () => {
    expect(suggest('192.168.122.0/23', '192.168.124.0/22', '192.168.128.0/17')).toBe('192.168.0.0/24');
  });
  it('then tries 10/8 and 172.16/12', () => {
    expect(suggest('192.168.0.0/16')).toBe('10.0.0.0/24');
    expect(suggest('192.168.0.0/16', '10.0.0.0/9', '10.128.0.0/9')).toBe('172.16.0.0/24');
    expect(suggest('192.168.0.0/16', '10.0.0.0/8', '172.16.0.0/13', '172.24.0.0/14')).toBe('172.28.0.0/24');
  });
  it('gives undefined when everything private is taken', () => {
    expect(suggest('192.168.0.0/16', '10.0.0.0/8', '172.16.0.0/12')).toBeUndefined();
    expect(suggest('0.0.0.0/0')).toBeUndefined();
  });
  it('treats a host route inside a candidate as a collision', () => {
    expect(suggest('192.168.122.200/32')).toBe('192.168.123.0/24');
  });
  it('honours another subnet size', () => {
    const c = suggestFreeSubnet(cidrs('192.168.122.0/24'), { prefix: 23 });
    expect(c && formatCidr(c)).toBe('192.168.124.0/23');
  });
});

describe('generateUlaPrefix', () => {
  it('puts 40 random bits after fd', () => {
    const bytes = [0x12, 0x34, 0x56, 0x78, 0x9a];
    let i = 0;
    const c = generateUlaPrefix(() => (bytes[i++] ?? 0) / 256);
    expect(c.prefix).toBe(64);
    expect(formatCidr(c)).toBe('fd12:3456:789a::/64');
  });
  it('stays inside fd00::/8 for extreme random values', () => {
    expect(formatIp(generateUlaPrefix(() => 0).address)).toBe('fd00::');
    expect(formatIp(generateUlaPrefix(() => 0.999999999).address)).toBe('fdff:ffff:ffff::');
  });
});
