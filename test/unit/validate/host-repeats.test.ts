import { describe, expect, it } from 'vitest';
import { type HostKeys, repeatChecker } from '../../../core/validate/host-repeats.js';

/** What repeatChecker says for each host, calling it for every host in order. */
function repeats(all: HostKeys[]): ReturnType<ReturnType<typeof repeatChecker>>[] {
  const repeatOf = repeatChecker(all);
  return all.map((keys) => repeatOf(keys));
}

describe('repeatChecker', () => {
  it('finds nothing among distinct keys', () => {
    const all = Array.from({ length: 1000 }, (_, i) => ({ mac: 0x525400000000 + i, ip: 0x0a000000 + i }));
    expect(repeats(all).every((r) => r === undefined)).toBe(true);
  });
  it('names the key an earlier host already had, mac first', () => {
    expect(
      repeats([
        { mac: 1, ip: 10 },
        { mac: 2, ip: 10 },
        { mac: 1, ip: 11 },
        { mac: 3, ip: 11 },
        { mac: undefined, ip: undefined },
      ]),
    ).toEqual([undefined, 'ip', 'mac', undefined, undefined]);
  });
  it('compares IPv6 keys as text', () => {
    expect(
      repeats([
        { mac: undefined, ip: 'fd00::1' },
        { mac: undefined, ip: 'fd00::2' },
        { mac: undefined, ip: 'fd00::1' },
      ]),
    ).toEqual([undefined, undefined, 'ip']);
  });
});
