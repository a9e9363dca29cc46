import { describe, expect, it } from 'vitest';
import {
  addOffset,
  broadcastOf,
  cidrContains,
  cidrsOverlap,
  classfulPrefix,
  formatCidr,
  ipv4Subnet,
  ipv4SubnetContains,
  netmaskFromPrefix,
  networkOf,
  parseCidr,
  prefixFromNetmask,
  rangeSize,
} from '../../../core/addr/cidr.js';
import { formatIp, ipv4ToNumber, parseIp } from '../../../core/addr/ip.js';

const ip = (text: string) => parseIp(text)!;
const cidr = (text: string) => parseCidr(text)!;

describe('parseCidr / formatCidr', () => {
  it('parses and prints the network address', () => {
    expect(cidr('10.0.0.7/24')).toEqual({ address: ip('10.0.0.7'), prefix: 24 });
    expect(formatCidr(cidr('10.0.0.7/24'))).toBe('10.0.0.0/24');
    expect(formatCidr(cidr('2001:db8::1/64'))).toBe('2001:db8::/64');
    expect(formatCidr(cidr('0.0.0.0/0'))).toBe('0.0.0.0/0');
    expect(formatCidr(cidr('10.1.2.3/32'))).toBe('10.1.2.3/32');
  });
  it.each(['10.0.0.0', '10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/024', 'x/8', '10.0.0.0/-1'])(
    'rejects %j',
    (text) => {
      expect(parseCidr(text)).toBeUndefined();
    },
  );
});

describe('netmask <-> prefix', () => {
  it('converts both ways', () => {
    expect(formatIp(netmaskFromPrefix(24, 4))).toBe('255.255.255.0');
    expect(formatIp(netmaskFromPrefix(0, 4))).toBe('0.0.0.0');
    expect(formatIp(netmaskFromPrefix(32, 4))).toBe('255.255.255.255');
    expect(formatIp(netmaskFromPrefix(64, 6))).toBe('ffff:ffff:ffff:ffff::');
    expect(prefixFromNetmask(ip('255.255.255.0'))).toBe(24);
    expect(prefixFromNetmask(ip('255.255.128.0'))).toBe(17);
    expect(prefixFromNetmask(ip('0.0.0.0'))).toBe(0);
    expect(prefixFromNetmask(ip('ffff:ffff::'))).toBe(32);
  });
  it('rejects non-contiguous masks', () => {
    expect(prefixFromNetmask(ip('255.0.255.0'))).toBeUndefined();
    expect(prefixFromNetmask(ip('0.255.255.255'))).toBeUndefined();
    expect(prefixFromNetmask(ip('ffff::ffff'))).toBeUndefined();
  });
});

describe('network / broadcast / containment', () => {
  it('computes network and broadcast', () => {
    expect(formatIp(networkOf(ip('192.168.122.77'), 24))).toBe('192.168.122.0');
    expect(formatIp(broadcastOf(ip('192.168.122.77'), 24))).toBe('192.168.122.255');
    expect(formatIp(broadcastOf(ip('10.0.0.1'), 0))).toBe('255.255.255.255');
    expect(formatIp(broadcastOf(ip('fd00::1'), 64))).toBe('fd00::ffff:ffff:ffff:ffff');
  });
  it('checks containment and overlap', () => {
    expect(cidrContains(cidr('10.0.0.0/24'), ip('10.0.0.255'))).toBe(true);
    expect(cidrContains(cidr('10.0.0.0/24'), ip('10.0.1.0'))).toBe(false);
    expect(cidrContains(cidr('10.0.0.0/24'), ip('::1'))).toBe(false);
    expect(cidrsOverlap(cidr('10.0.0.0/8'), cidr('10.5.0.0/16'))).toBe(true);
    expect(cidrsOverlap(cidr('10.5.0.0/16'), cidr('10.0.0.0/8'))).toBe(true);
    expect(cidrsOverlap(cidr('10.0.0.0/24'), cidr('10.0.1.0/24'))).toBe(false);
    expect(cidrsOverlap(cidr('0.0.0.0/0'), cidr('192.168.1.0/24'))).toBe(true);
    expect(cidrsOverlap(cidr('::/0'), cidr('192.168.1.0/24'))).toBe(false);
  });
});

describe('classfulPrefix', () => {
  it.each([
    ['10.1.2.3', 8],
    ['127.0.0.1', 8],
    ['128.0.0.1', 16],
    ['172.16.0.1', 16],
    ['192.168.1.1', 24],
    ['223.255.255.255', 24],
    ['224.0.0.1', undefined],
    ['240.0.0.1', undefined],
    ['::1', undefined],
  ])('%s -> %s', (text, prefix) => {
    expect(classfulPrefix(ip(text))).toBe(prefix);
  });
});

describe('rangeSize / addOffset', () => {
  it('counts inclusive ranges', () => {
    expect(rangeSize(ip('10.0.0.2'), ip('10.0.0.254'))).toBe(253n);
    expect(rangeSize(ip('10.0.0.2'), ip('10.0.0.2'))).toBe(1n);
    expect(rangeSize(ip('10.0.0.3'), ip('10.0.0.2'))).toBe(0n);
    expect(rangeSize(ip('fd00::10'), ip('fd00::ff'))).toBe(240n);
  });
  it('adds offsets with wrap-around', () => {
    expect(formatIp(addOffset(ip('10.0.0.255'), 1n))).toBe('10.0.1.0');
    expect(formatIp(addOffset(ip('10.0.0.0'), -1n))).toBe('9.255.255.255');
    expect(formatIp(addOffset(ip('255.255.255.255'), 1n))).toBe('0.0.0.0');
    expect(formatIp(addOffset(ip('fd00::ffff'), 1n))).toBe('fd00::1:0');
  });
});

describe('ipv4Subnet / ipv4SubnetContains', () => {
  it('agrees with cidrContains, for every prefix length', () => {
    const addresses = [
      '10.0.0.0',
      '10.0.0.1',
      '10.0.255.255',
      '10.1.0.0',
      '9.255.255.255',
      '0.0.0.0',
      '255.255.255.255',
    ];
    for (let prefix = 0; prefix <= 32; prefix++) {
      const net = cidr(`10.0.0.7/${prefix}`);
      const subnet = ipv4Subnet(net)!;
      for (const text of addresses) {
        expect(ipv4SubnetContains(subnet, ipv4ToNumber(text)!), `${text} in /${prefix}`).toBe(
          cidrContains(net, ip(text)),
        );
      }
    }
  });
  it('is only for IPv4 subnets', () => {
    expect(ipv4Subnet(cidr('fd00::/64'))).toBeUndefined();
  });
});
