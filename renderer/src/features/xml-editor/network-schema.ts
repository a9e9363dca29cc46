// Elements and attributes of libvirt's network XML (schemas/network.rng) for the
// editor's completion. Values are offered where the schema has a closed list.
import type { ElementSpec } from '@codemirror/lang-xml';

const yesNo = ['yes', 'no'];
const onOff = ['on', 'off'];
const family = ['ipv4', 'ipv6'];

export const networkElements: ElementSpec[] = [
  {
    name: 'network',
    top: true,
    children: [
      'name',
      'uuid',
      'title',
      'description',
      'metadata',
      'forward',
      'bridge',
      'mac',
      'mtu',
      'domain',
      'dns',
      'ip',
      'route',
      'portgroup',
      'bandwidth',
      'vlan',
      'virtualport',
      'port',
    ],
    attributes: [
      { name: 'ipv6', values: yesNo },
      { name: 'trustGuestRxFilters', values: yesNo },
    ],
  },
  { name: 'name', children: [] },
  { name: 'uuid', children: [] },
  { name: 'title', children: [] },
  { name: 'description', children: [] },
  { name: 'metadata' },
  {
    name: 'forward',
    children: ['nat', 'interface', 'pf', 'address', 'driver'],
    attributes: [
      {
        name: 'mode',
        values: ['nat', 'route', 'open', 'bridge', 'private', 'vepa', 'passthrough', 'hostdev'],
      },
      'dev',
      { name: 'managed', values: yesNo },
    ],
  },
  { name: 'nat', children: ['address', 'port'], attributes: [{ name: 'ipv6', values: yesNo }] },
  { name: 'interface', children: [], attributes: ['dev'] },
  { name: 'pf', children: [], attributes: ['dev'] },
  { name: 'driver', children: [], attributes: [{ name: 'name', values: ['kvm', 'vfio'] }] },
  {
    name: 'address',
    children: [],
    attributes: ['start', 'end', 'type', 'domain', 'bus', 'slot', 'function'],
  },
  { name: 'port', children: [], attributes: ['start', 'end', { name: 'isolated', values: yesNo }] },
  {
    name: 'bridge',
    children: [],
    attributes: [
      'name',
      { name: 'stp', values: onOff },
      'delay',
      { name: 'macTableManager', values: ['kernel', 'libvirt'] },
      'zone',
    ],
  },
  { name: 'mac', children: [], attributes: ['address'] },
  { name: 'mtu', children: [], attributes: ['size'] },
  {
    name: 'domain',
    children: [],
    attributes: ['name', { name: 'localOnly', values: yesNo }, { name: 'register', values: yesNo }],
  },
  {
    name: 'dns',
    children: ['forwarder', 'txt', 'host', 'srv'],
    attributes: [
      { name: 'enable', values: yesNo },
      { name: 'forwardPlainNames', values: yesNo },
    ],
  },
  { name: 'forwarder', children: [], attributes: ['domain', 'addr'] },
  { name: 'txt', children: [], attributes: ['name', 'value'] },
  { name: 'host', children: ['hostname'], attributes: ['ip', 'mac', 'id', 'name'] },
  { name: 'hostname', children: [] },
  {
    name: 'srv',
    children: [],
    attributes: [
      'service',
      { name: 'protocol', values: ['tcp', 'udp'] },
      'domain',
      'target',
      'port',
      'priority',
      'weight',
    ],
  },
  {
    name: 'ip',
    children: ['dhcp', 'tftp'],
    attributes: [
      'address',
      'netmask',
      'prefix',
      { name: 'family', values: family },
      { name: 'localPtr', values: yesNo },
    ],
  },
  { name: 'tftp', children: [], attributes: ['root'] },
  { name: 'dhcp', children: ['range', 'host', 'bootp'] },
  { name: 'range', children: ['lease'], attributes: ['start', 'end'] },
  {
    name: 'lease',
    children: [],
    attributes: ['expiry', { name: 'unit', values: ['seconds', 'minutes', 'hours'] }],
  },
  { name: 'bootp', children: [], attributes: ['file', 'server'] },
  {
    name: 'route',
    children: [],
    attributes: [{ name: 'family', values: family }, 'address', 'netmask', 'prefix', 'gateway', 'metric'],
  },
  {
    name: 'portgroup',
    children: ['vlan', 'virtualport', 'bandwidth'],
    attributes: ['name', { name: 'default', values: yesNo }, { name: 'trustGuestRxFilters', values: yesNo }],
  },
  { name: 'bandwidth', children: ['inbound', 'outbound'] },
  { name: 'inbound', children: [], attributes: ['average', 'peak', 'burst', 'floor'] },
  { name: 'outbound', children: [], attributes: ['average', 'peak', 'burst'] },
  { name: 'vlan', children: ['tag'], attributes: [{ name: 'trunk', values: yesNo }] },
  { name: 'tag', children: [], attributes: ['id', { name: 'nativeMode', values: ['tagged', 'untagged'] }] },
  {
    name: 'virtualport',
    children: ['parameters'],
    attributes: [{ name: 'type', values: ['802.1Qbg', '802.1Qbh', 'openvswitch', 'midonet'] }],
  },
  {
    name: 'parameters',
    children: [],
    attributes: ['managerid', 'typeid', 'typeidversion', 'instanceid', 'profileid', 'interfaceid'],
  },
];
