import { describe, expect, it } from 'vitest';
import {
  compareIp,
  formatIp,
  ipEquals,
  ipv4ToNumber,
  isIpAddress,
  parseIp,
  parseIpv4,
  parseIpv6,
} from '../../../core/addr/ip.js';

const fmt = (text: string): string | undefined => {
  const a = parseIp(text);
  return a && formatIp(a);
};

describe('parseIpv4', () => {
  it('parses dotted quads', () => {
    expect(parseIpv4('192.168.122.1')).toEqual({ family: 4, value: 0xc0a87a01n });
    expect(parseIpv4('0.0.0.0')).toEqual({ family: 4, value: 0n });
    expect(parseIpv4('255.255.255.255')).toEqual({ family: 4, value: 0xffffffffn });
  });
  it.each([
    '',
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3.04',
    '1..3.4',
    ' 1.2.3.4',
    '1.2.3.4 ',
    '0x1.2.3.4',
    '+1.2.3.4',
    '1.2.3.4/24',
    '10',
  ])('rejects %j', (text) => {
    expect(parseIpv4(text)).toBeUndefined();
    expect(ipv4ToNumber(text)).toBeUndefined();
  });
});

describe('ipv4ToNumber (the number-valued fast path of parseIpv4)', () => {
  it.each([
    ['192.168.122.1', 0xc0a87a01],
    ['0.0.0.0', 0],
    ['255.255.255.255', 0xffffffff],
    ['10.0.0.0', 0x0a000000],
    ['1.20.255.0', 0x0114ff00],
  ])('reads %j as parseIpv4 does', (text, value) => {
    expect(ipv4ToNumber(text)).toBe(value);
    expect(parseIpv4(text)?.value).toBe(BigInt(value));
  });
  it.each([
    '1.2.3.4.',
    '.1.2.3.4',
    '1.2.3.256',
    '1.2.3.1000',
    '00.1.2.3',
    '1.2.3.4\n',
    '１.2.3.4',
    'fd00::1',
  ])('rejects %j', (text) => {
    expect(ipv4ToNumber(text)).toBeUndefined();
  });
});

describe('isIpAddress', () => {
  it('agrees with parseIp', () => {
    for (const text of ['10.0.0.1', 'fd00::1', '::ffff:1.2.3.4', '', '10.0.0.01', 'fd00::g', 'host']) {
      expect(isIpAddress(text)).toBe(parseIp(text) !== undefined);
    }
  });
});

describe('parseIpv6', () => {
  it('parses full, compressed and mixed forms', () => {
    expect(parseIpv6('::')).toEqual({ family: 6, value: 0n });
    expect(parseIpv6('::1')).toEqual({ family: 6, value: 1n });
    expect(parseIpv6('1::')).toEqual({ family: 6, value: 1n << 112n });
    expect(parseIpv6('2001:DB8:0:0:0:0:0:1')?.value).toBe(parseIpv6('2001:db8::1')?.value);
    expect(parseIpv6('::ffff:1.2.3.4')?.value).toBe(0xffff01020304n);
    expect(parseIpv6('1:2:3:4:5:6:1.2.3.4')?.value).toBe(parseIpv6('1:2:3:4:5:6:102:304')?.value);
  });
  it.each([
    '',
    ':',
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4::5:6:7:8',
    '12345::',
    'g::',
    ':1::',
    '1::2:',
    'fe80::1%eth0',
    '::1.2.3',
    '1.2.3.4::',
    '::1.2.3.4:5',
    '1:2:3:4:5:6:7:1.2.3.4',
    '1:2:3:4:5:6:7:8/64',
  ])('rejects %j', (text) => {
    expect(parseIpv6(text)).toBeUndefined();
  });
});

describe('parseIp', () => {
  it('dispatches by shape', () => {
    expect(parseIp('10.0.0.1')?.family).toBe(4);
    expect(parseIp('fd00::1')?.family).toBe(6);
    expect(parseIp('example.com')).toBeUndefined();
  });
});

describe('formatIp (glibc inet_ntop)', () => {
  it.each([
    ['192.168.122.1', '192.168.122.1'],
    ['::', '::'],
    ['::1', '::1'],
    ['1::', '1::'],
    ['2001:DB8::0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // first of two equal runs
    ['2001:db8:0:1:0:0:0:1', '2001:db8:0:1::1'], // longest run, not the first
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // a single zero group is not compressed
    ['1:0:0:0:0:0:0:0', '1::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['::ffff:1.2.3.4', '::ffff:1.2.3.4'],
    ['::ffff:0102:0304', '::ffff:1.2.3.4'],
    ['::1.2.3.4', '::1.2.3.4'], // IPv4-compatible, as glibc prints it
    ['::ffff:0:1.2.3.4', '::ffff:0:102:304'], // SIIT form is not special in glibc
    ['fe80::a:b', 'fe80::a:b'],
    ['1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8'],
    ['0:0:1:0:0:0:1:0', '0:0:1::1:0'],
    ['1:0:0:2:0:0:3:4', '1::2:0:0:3:4'],
  ])('%s -> %s', (input, output) => {
    expect(fmt(input)).toBe(output);
  });
});

describe('ipEquals / compareIp', () => {
  const a = parseIp('10.0.0.1')!;
  const b = parseIp('10.0.0.2')!;
  const c = parseIp('::1')!;
  it('compares family first, then value', () => {
    expect(ipEquals(a, parseIp('10.0.0.1')!)).toBe(true);
    expect(ipEquals(a, b)).toBe(false);
    expect(ipEquals(parseIp('0.0.0.1')!, c)).toBe(false);
    expect(compareIp(a, b)).toBe(-1);
    expect(compareIp(b, a)).toBe(1);
    expect(compareIp(a, a)).toBe(0);
    expect(compareIp(c, a)).toBeGreaterThan(0);
  });
});
