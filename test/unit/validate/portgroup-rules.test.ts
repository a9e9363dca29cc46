import { describe, expect, it } from 'vitest';
import type { NetworkDef, VirtualPortDef } from '../../../core/model/network.js';
import { at, messages, poolNetwork } from './network-fixture.js';

const bridged = (change: (d: NetworkDef) => void) => {
  const d = poolNetwork('bridge');
  d.bridge = { name: 'ovsbr0' };
  change(d);
  return messages(d);
};

describe('<portgroup>', () => {
  it('accepts distinct names and one default', () => {
    expect(
      bridged((d) =>
        d.portgroups.push(
          { name: 'alice', default: 'yes' },
          { name: 'bob' },
          { name: 'carol', default: 'no' },
        ),
      ),
    ).toEqual([]);
  });
  it('rejects a repeated name, a second default and an empty name', () => {
    expect(bridged((d) => d.portgroups.push({ name: 'a' }, { name: 'a', at: at(9) }))).toEqual([
      "network 'pool': <portgroup name='a'> (line 9:3) repeats the name of an earlier <portgroup>",
    ]);
    expect(
      bridged((d) =>
        d.portgroups.push({ name: 'a', default: 'yes' }, { name: 'b', default: 'yes', at: at(9) }),
      ),
    ).toEqual([
      "network 'pool': <portgroup name='b' default='yes'> (line 9:3) is a second default portgroup ('a' is already the default)",
    ]);
    expect(bridged((d) => d.portgroups.push({ name: '', at: at(9) }))).toEqual([
      "network 'pool': <portgroup name=''> (line 9:3) needs a name attribute",
    ]);
  });
});

describe('<vlan>', () => {
  it('accepts a trunk with one native tag', () => {
    expect(
      bridged((d) => (d.vlan = { trunk: 'yes', tags: [{ id: 1, nativeMode: 'untagged' }, { id: 4095 }] })),
    ).toEqual([]);
  });
  it.each<[string, NetworkDef['vlan'], string]>([
    ['no tags', { at: at(7), tags: [] }, "<vlan> (line 7:3) needs at least one <tag id='n'>"],
    [
      'id too large',
      { at: at(7), tags: [{ id: 4096, at: at(8, 5) }] },
      "<tag id='4096'> (line 8:5) id is out of range (0-4095)",
    ],
    [
      'two native tags',
      {
        at: at(7),
        tags: [
          { id: 1, nativeMode: 'tagged' },
          { id: 2, nativeMode: 'untagged' },
        ],
      },
      '<vlan> (line 7:3) may give nativeMode to only one <tag>',
    ],
    [
      "trunk='no' with two tags",
      { at: at(7), trunk: 'no', tags: [{ id: 1 }, { id: 2 }] },
      "<vlan trunk='no'> (line 7:3) needs trunk='yes' for more than one <tag>",
    ],
    [
      "trunk='no' with a native tag",
      { at: at(7), trunk: 'no', tags: [{ id: 1, nativeMode: 'tagged' }] },
      "<vlan trunk='no'> (line 7:3) may not use nativeMode with trunk='no'",
    ],
  ])('rejects %s', (_label, vlan, message) => {
    expect(bridged((d) => (d.vlan = vlan))).toEqual([`network 'pool': ${message}`]);
  });
  it('checks a portgroup vlan too', () => {
    expect(bridged((d) => d.portgroups.push({ name: 'a', at: at(9), vlan: { tags: [] } }))).toEqual([
      "network 'pool': <vlan> (line 9:3) needs at least one <tag id='n'>",
    ]);
  });
});

describe('<bandwidth>', () => {
  it('accepts average with peak and burst', () => {
    expect(
      bridged(
        (d) =>
          (d.bandwidth = {
            inbound: { average: 1000, peak: 2000, burst: 1024 },
            outbound: { average: 2000 },
          }),
      ),
    ).toEqual([]);
  });
  it.each<[string, NonNullable<NetworkDef['bandwidth']>['inbound'], string]>([
    ['nothing', { at: at(8, 5) }, '<inbound> (line 8:5) needs an average (or floor) attribute'],
    [
      'peak without average',
      { at: at(8, 5), peak: 10 },
      "<inbound peak='10'> (line 8:5) needs an average (or floor) attribute",
    ],
    [
      'floor only',
      { at: at(8, 5), floor: 10 },
      "<inbound floor='10'> (line 8:5) may not set floor in a network definition",
    ],
    [
      'burst with floor, no average',
      { at: at(8, 5), burst: 5, floor: 10 },
      "<inbound burst='5' floor='10'> (line 8:5) needs an average attribute for peak or burst",
    ],
    [
      'floor',
      { at: at(8, 5), average: 10, floor: 10 },
      "<inbound average='10' floor='10'> (line 8:5) may not set floor in a network definition",
    ],
  ])('rejects %s', (_label, inbound, message) => {
    expect(bridged((d) => (d.bandwidth = inbound ? { inbound } : {}))).toEqual([
      `network 'pool': ${message}`,
    ]);
  });
});

describe('<virtualport>', () => {
  const withPort = (port: VirtualPortDef) => bridged((d) => (d.virtualport = { at: at(7), ...port }));
  it('accepts the parameters each type allows', () => {
    expect(withPort({ type: 'openvswitch' })).toEqual([]);
    expect(withPort({ type: '802.1Qbh', parameters: { profileid: 'spongebob24' } })).toEqual([]);
    expect(
      withPort({ type: '802.1Qbg', parameters: { managerid: '11', typeid: '1193047', typeidversion: '2' } }),
    ).toEqual([]);
    expect(
      withPort({
        type: 'openvswitch',
        parameters: { interfaceid: '09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f', profileid: 'x' },
      }),
    ).toEqual([]);
  });
  it.each<[string, VirtualPortDef, string]>([
    ['no type on the network', {}, '<virtualport> (line 7:3) needs a type attribute'],
    [
      'a parameter the type lacks',
      { type: '802.1Qbh', parameters: { managerid: '1' } },
      "<virtualport type='802.1Qbh'> (line 7:3) may not have the parameter managerid",
    ],
    [
      'managerid range',
      { type: '802.1Qbg', parameters: { managerid: '256' } },
      "<virtualport type='802.1Qbg'> (line 7:3) managerid '256' must be a number from 0 to 255",
    ],
    [
      'typeid range',
      { type: '802.1Qbg', parameters: { typeid: '0x1000000' } },
      "<virtualport type='802.1Qbg'> (line 7:3) typeid '0x1000000' must be a number from 0 to 16777215",
    ],
    [
      'interfaceid UUID',
      { type: 'midonet', parameters: { interfaceid: 'nope' } },
      "<virtualport type='midonet'> (line 7:3) interfaceid 'nope' is not a valid UUID",
    ],
    [
      'profileid length',
      { type: '802.1Qbh', parameters: { profileid: 'p'.repeat(40) } },
      "<virtualport type='802.1Qbh'> (line 7:3) profileid is longer than 39 characters",
    ],
  ])('rejects %s', (_label, port, message) => {
    expect(withPort(port)).toEqual([`network 'pool': ${message}`]);
  });
  it('lets a portgroup virtualport leave out the type', () => {
    expect(
      bridged((d) => d.portgroups.push({ name: 'a', virtualport: { parameters: { profileid: 'alice' } } })),
    ).toEqual([]);
  });
});
