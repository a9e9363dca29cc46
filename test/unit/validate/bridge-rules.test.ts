import { describe, expect, it } from 'vitest';
import { at, natMessages } from './network-fixture.js';

describe('<bridge>, <mac>, <mtu>', () => {
  it('accepts kernel-valid bridge names and a template', () => {
    for (const name of ['virbr0', 'a', 'br-lab.100', 'x'.repeat(15), 'virbr%d']) {
      expect(natMessages((d) => (d.bridge!.name = name))).toEqual([]);
    }
  });
  it.each([
    ['', "<bridge name=''> (line 5:3) name is empty"],
    [
      'virbr-too-long-x',
      "<bridge name='virbr-too-long-x'> (line 5:3) name 'virbr-too-long-x' is 16 bytes long; the kernel allows at most 15",
    ],
    ['br 0', "<bridge name='br 0'> (line 5:3) name 'br 0' may not contain whitespace, '/' or ':'"],
    ['br/0', "<bridge name='br/0'> (line 5:3) name 'br/0' may not contain whitespace, '/' or ':'"],
    ['br:0', "<bridge name='br:0'> (line 5:3) name 'br:0' may not contain whitespace, '/' or ':'"],
    ['..', "<bridge name='..'> (line 5:3) name may not be '..'"],
  ])('rejects bridge name %j', (name, message) => {
    expect(natMessages((d) => (d.bridge!.name = name))).toEqual([`network 'lab': ${message}`]);
  });
  it('checks the bridge MAC', () => {
    const mac = (address: string) => natMessages((d) => (d.mac = { address, at: at(6) }));
    expect(mac('12:34:56:78:9A:BC')).toEqual([]);
    expect(mac('52:54:0:0:0:1')).toEqual([]);
    expect(mac('52:54:00:00:00')).toEqual([
      "network 'lab': <mac address='52:54:00:00:00'> (line 6:3) address '52:54:00:00:00' is not a valid MAC address",
    ]);
    expect(mac('52-54-00-00-00-01')).toEqual([
      "network 'lab': <mac address='52-54-00-00-00-01'> (line 6:3) address '52-54-00-00-00-01' is not a valid MAC address",
    ]);
    expect(mac('ff:ff:ff:ff:ff:ff')).toEqual([
      "network 'lab': <mac address='ff:ff:ff:ff:ff:ff'> (line 6:3) address 'ff:ff:ff:ff:ff:ff' is a multicast address; a bridge needs a unicast MAC",
    ]);
  });
  it('requires a positive MTU', () => {
    expect(natMessages((d) => (d.mtu = { size: 9000 }))).toEqual([]);
    expect(natMessages((d) => (d.mtu = { size: 0, at: at(6) }))).toEqual([
      "network 'lab': <mtu size='0'> (line 6:3) size must be a positive whole number",
    ]);
  });
});
