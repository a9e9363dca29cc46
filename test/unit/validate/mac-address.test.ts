import { describe, expect, it } from 'vitest';
import {
  isMulticastMac,
  isMulticastMacNumber,
  macToNumber,
  parseMac,
} from '../../../core/validate/mac-address.js';

describe('parseMac / macToNumber (virMacAddrParse)', () => {
  it.each<[string, number[]]>([
    ['52:54:00:ab:CD:ef', [0x52, 0x54, 0x00, 0xab, 0xcd, 0xef]],
    ['0:1:2:3:4:5', [0, 1, 2, 3, 4, 5]],
    ['ff:ff:ff:ff:ff:ff', [0xff, 0xff, 0xff, 0xff, 0xff, 0xff]],
    // libvirt ignores what follows a blank or control character after the sixth group.
    ['52:54:00:00:00:01 trailing', [0x52, 0x54, 0, 0, 0, 1]],
    ['52:54:00:00:00:01\n', [0x52, 0x54, 0, 0, 0, 1]],
  ])('reads %j', (text, octets) => {
    expect(parseMac(text)).toEqual(octets);
    expect(macToNumber(text)).toBe(octets.reduce((value, octet) => value * 256 + octet, 0));
  });
  it.each([
    '',
    '52:54:00:00:00',
    '52:54:00:00:00:01:02',
    '52:54:00:00:00:001',
    '525:4:00:00:00:01',
    '52-54-00-00-00-01',
    '52:54:00:00::01',
    ':52:54:00:00:00',
    '52:54:00:00:00:0g',
    ' 52:54:00:00:00:01',
  ])('rejects %j', (text) => {
    expect(parseMac(text)).toBeUndefined();
    expect(macToNumber(text)).toBeUndefined();
  });
  it('tells multicast from unicast the same way for octets and numbers', () => {
    for (const text of ['01:00:5e:00:00:01', 'ff:ff:ff:ff:ff:ff', '52:54:00:00:00:01', 'fe:ff:ff:ff:ff:ff']) {
      expect(isMulticastMacNumber(macToNumber(text)!)).toBe(isMulticastMac(parseMac(text)!));
    }
    expect(isMulticastMacNumber(macToNumber('01:00:5e:00:00:01')!)).toBe(true);
    expect(isMulticastMacNumber(macToNumber('fe:ff:ff:ff:ff:ff')!)).toBe(false);
  });
});
