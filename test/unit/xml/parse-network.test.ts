import { describe, expect, it } from 'vitest';
import type { NetworkDef } from '../../../core/model/network.js';
import { formatNetworkXml } from '../../../core/xml/format-network.js';
import { parseNetworkXml } from '../../../core/xml/parse-network.js';

function parse(xml: string): NetworkDef {
  const r = parseNetworkXml(xml);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function problem(xml: string): string {
  const r = parseNetworkXml(xml);
  if (r.ok) throw new Error('expected a problem');
  expect(r.error.code).toBe('xml-parse');
  return r.error.message;
}

/** A network around `body`, printed back as libvirt would. */
function roundTrip(body: string, opts: { inactive?: boolean } = {}): string {
  return formatNetworkXml(parse(`<network>\n<name>lab</name>\n${body}\n</network>`), opts);
}

describe('parseNetworkXml: messages', () => {
  it('names the network, the element, the bad attribute and the position', () => {
    const xml =
      "<network>\n  <name>lab</name>\n  <forward mode='nat'/>\n  <bridge name='virbr0' stp='maybe'/>\n</network>";
    const r = parseNetworkXml(xml);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'xml-parse',
        message: "network 'lab': <bridge stp='maybe'> (line 4:3): stp must be 'on' or 'off'",
        network: 'lab',
        at: { line: 4, col: 3 },
      },
    });
  });

  it('reports XML syntax errors with their position', () => {
    const r = parseNetworkXml('<network>\n  <name>lab</name>\n  <bridge name=br0/>\n</network>');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toBe(
        "XML syntax error (line 3:16): the value of attribute 'name' must be quoted",
      );
      expect(r.error.at).toEqual({ line: 3, col: 16 });
    }
  });

  it.each([
    ['<domain/>', /the root element must be <network>/],
    ['<network><uuid>x</uuid></network>', /^<network> \(line 1:1\): a network needs a non-empty <name>$/],
    [
      "<network><name>n</name><forward mode='nated'/></network>",
      /mode must be one of 'nat', 'route', .* or 'hostdev'/,
    ],
    [
      "<network><name>n</name><bridge delay='2s'/></network>",
      /<bridge delay='2s'> \(line 1:24\): delay must be a non-negative integer/,
    ],
    ["<network><name>n</name><mtu size='-1'/></network>", /size must be a non-negative integer/],
    [
      "<network><name>n</name><ip address='10.0.0.1' prefix='99999999999'/></network>",
      /prefix must be at most 4294967295/,
    ],
    ["<network><name>n</name><ip family='ipv5'/></network>", /family must be 'ipv4' or 'ipv6'/],
    ["<network ipv6='maybe'><name>n</name></network>", /ipv6 must be 'yes' or 'no'/],
    ["<network><name>n</name><dns enable='1'/></network>", /<dns enable='1'> .*enable must be 'yes' or 'no'/],
    [
      "<network><name>n</name><ip address='10.0.0.1'><dhcp><range start='10.0.0.2'/></dhcp></ip></network>",
      /<range> \(line 1:53\): missing required attribute 'end'/,
    ],
    [
      "<network><name>n</name><ip address='10.0.0.1'><dhcp><host ip='10.0.0.2'><lease expiry='1' unit='days'/></host></dhcp></ip></network>",
      /unit must be 'seconds', 'minutes' or 'hours'|unit must be one of 'seconds', 'minutes' or 'hours'/,
    ],
    [
      "<network><name>n</name><vlan trunk='maybe'><tag id='1'/></vlan></network>",
      /trunk must be 'yes' or 'no'/,
    ],
    ['<network><name>n</name><vlan><tag/></vlan></network>', /<tag> .*missing required attribute 'id'/],
    ["<network><name>n</name><virtualport type='vxlan'/></network>", /type must be one of '802.1Qbg'/],
    ['<network><name>n</name><forward><nat/><nat/></forward></network>', /only one <nat> is allowed/],
    [
      "<network><name>n</name><bandwidth><inbound average='x'/></bandwidth></network>",
      /average must be a non-negative integer/,
    ],
    ["<network><name>it's</name><bridge stp='x'/></network>", /^network 'it\\'s': /],
  ])('%s', (xml, message) => {
    expect(problem(xml)).toMatch(message);
  });
});

describe('parseNetworkXml: values in libvirt spelling', () => {
  it('canonicalises addresses, MACs, UUIDs and PCI addresses', () => {
    const def = parse(`<network>
      <name>n</name>
      <uuid>81FF0D90C91E674264DA4A736EDB9A9B</uuid>
      <mac address='52:54:0:AB:c:1'/>
      <forward mode='hostdev'><address type='pci' domain='0' bus='3' slot='0x1f' function='07'/></forward>
      <ip family='ipv6' address='2001:DB8:0:0:0:0:0:1' prefix='64'/>
      <route family='ipv6' address='2001:db8:ac10:fc00:0::' prefix='64' gateway='2001:0db8::0001'/>
    </network>`);
    expect(def.uuid).toBe('81ff0d90-c91e-6742-64da-4a736edb9a9b');
    expect(def.mac?.address).toBe('52:54:00:ab:0c:01');
    expect(def.forward?.addresses[0]).toMatchObject({
      domain: '0x0000',
      bus: '0x03',
      slot: '0x1f',
      function: '0x7',
    });
    expect(def.ips[0]?.address).toBe('2001:db8::1');
    expect(def.routes[0]).toMatchObject({ address: '2001:db8:ac10:fc00::', gateway: '2001:db8::1' });
  });

  it('keeps values it cannot read as written, for validation to report', () => {
    const def = parse(
      "<network><name>n</name><uuid>nope</uuid><mac address='zz'/><ip address='10.0.0.300'/></network>",
    );
    expect([def.uuid, def.mac?.address, def.ips[0]?.address]).toEqual(['nope', 'zz', '10.0.0.300']);
  });

  it("reads forward mode='none' as no forward, and <forward/> as NAT", () => {
    expect(parse("<network><name>n</name><forward mode='none'/></network>").forward).toBeUndefined();
    expect(roundTrip("<forward/>\n<ip address='10.0.0.1' netmask='255.0.0.0'/>")).toContain(
      "<forward mode='nat'/>",
    );
  });

  it('ignores unknown elements and attributes, and elements in other namespaces', () => {
    const def = parse(
      "<network x='1'><name>n</name><frobnicate/><o:bridge xmlns:o='urn:o' name='b'/></network>",
    );
    expect(def.bridge).toBeUndefined();
  });

  it('takes the first of single elements, like libvirt', () => {
    const def = parse(
      "<network><name>n</name><bridge name='a'/><bridge name='b'/><mtu size='1400'/><mtu size='9000'/></network>",
    );
    expect([def.bridge?.name, def.mtu?.size]).toEqual(['a', 1400]);
  });

  it('reads <dnsmasq:options> by namespace, whatever the prefix', () => {
    const out = roundTrip(
      "<x:options xmlns:x='http://libvirt.org/schemas/network/dnsmasq/1.0'><x:option value='a=b'/><x:option/></x:options>",
    );
    expect(out).toContain("<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>");
    expect(out).toContain("  <dnsmasq:options>\n    <dnsmasq:option value='a=b'/>\n  </dnsmasq:options>\n");
  });
});

describe('<metadata> is printed as libvirt (libxml2) prints it', () => {
  it('keeps the first child of each namespace and drops children in no namespace', () => {
    const out = roundTrip(`<metadata>
      <a:x xmlns:a='urn:a'>1</a:x>
      plain text
      <a:y xmlns:a='urn:a'/>
      <untyped/>
      <!-- gone -->
      <b:z xmlns:b='urn:b' k='v'>
        <b:inner><!-- kept --></b:inner>
      </b:z>
    </metadata>`);
    expect(out).toContain(`  <metadata>
    <a:x xmlns:a="urn:a">1</a:x>
    <b:z xmlns:b="urn:b" k="v">
      <b:inner>
        <!-- kept -->
      </b:inner>
    </b:z>
  </metadata>
`);
  });

  it('declares on <metadata> the namespaces borrowed from <network>', () => {
    const def = parse(
      "<network xmlns:app='urn:app'><name>n</name><metadata><app:x app:k='é&quot;'/></metadata></network>",
    );
    expect(def.metadata).toBe(
      '<metadata xmlns:app="urn:app">\n    <app:x app:k="&#xE9;&quot;"/>\n  </metadata>',
    );
  });

  it('prints an emptied block as <metadata/>', () => {
    expect(roundTrip('<metadata>just text</metadata>')).toContain('  <metadata/>\n');
  });
});

describe('formatNetworkXml', () => {
  it('adds the bridge defaults for networks it creates, not for others', () => {
    expect(roundTrip('')).toBe("<network>\n  <name>lab</name>\n  <bridge stp='on' delay='0'/>\n</network>\n");
    expect(roundTrip("<forward mode='bridge'/><bridge name='br0' stp='off'/>")).toContain(
      "<bridge name='br0'/>",
    );
  });

  it('turns forward dev into the first pool entry and the pool head into dev', () => {
    expect(roundTrip("<forward mode='route' dev='eth1'/><ip address='10.0.0.1' prefix='24'/>")).toContain(
      "  <forward dev='eth1' mode='route'>\n    <interface dev='eth1'/>\n  </forward>\n",
    );
    expect(roundTrip("<forward mode='vepa'><interface dev='a'/><interface dev='b'/></forward>")).toContain(
      "<forward dev='a' mode='vepa'>",
    );
  });

  it('prints live-only data unless inactive', () => {
    const def = parse(
      "<network><name>n</name><forward mode='passthrough'><pf dev='eth0'/></forward></network>",
    );
    def.connections = 3;
    def.forward?.interfaces.push({ dev: 'vf0', connections: 2 });
    expect(formatNetworkXml(def)).toBe(
      "<network connections='3'>\n  <name>n</name>\n  <forward mode='passthrough'>\n    <pf dev='eth0'/>\n" +
        "    <interface dev='vf0' connections='2'/>\n  </forward>\n</network>\n",
    );
    expect(formatNetworkXml(def, { inactive: true })).toBe(
      "<network>\n  <name>n</name>\n  <forward mode='passthrough'>\n    <pf dev='eth0'/>\n  </forward>\n</network>\n",
    );
  });

  it('escapes text and attributes like virBufferEscapeString', () => {
    const def = parse(
      "<network><name>a&amp;b</name><description>&lt;&quot;x'</description><bridge name='x&apos;y'/></network>",
    );
    const out = formatNetworkXml(def);
    expect(out).toContain('<name>a&amp;b</name>');
    expect(out).toContain('<description>&lt;&quot;x&apos;</description>');
    expect(out).toContain("<bridge name='x&apos;y' stp='on' delay='0'/>");
  });

  it('prints lease units libvirt fills in, and leaves out zero values', () => {
    const out = roundTrip(
      "<ip address='10.0.0.1' prefix='0'><dhcp><range start='10.0.0.2' end='10.0.0.9'><lease expiry='5'/></range></dhcp></ip>" +
        "<route address='10.1.0.0' prefix='0' gateway='10.0.0.2' metric='0'/><mtu size='0'/>",
    );
    expect(out).toContain("<ip address='10.0.0.1'>");
    expect(out).toContain("<lease expiry='5' unit='minutes'/>");
    expect(out).toContain("<route address='10.1.0.0' prefix='0' gateway='10.0.0.2'/>");
    expect(out).not.toContain('<mtu');
  });

  it('prints a vlan with several tags as a trunk and marks the native tag', () => {
    const out = roundTrip("<vlan><tag id='5' nativeMode='untagged'/><tag id='6'/></vlan>");
    expect(out).toContain(
      "  <vlan trunk='yes'>\n    <tag id='5' nativeMode='untagged'/>\n    <tag id='6'/>\n  </vlan>\n",
    );
  });

  it('prints virtualport parameters in libvirt order, C numbers in decimal', () => {
    const out = roundTrip(
      "<virtualport type='802.1Qbg'><parameters typeidversion='2' managerid='0x0b' typeid='0x123457' instanceid='C4C2C6B4-2C1F-4C80-8B5C-1A2B3C4D5E6F'/></virtualport>",
    );
    expect(out).toContain(
      "<parameters managerid='11' typeid='1193047' typeidversion='2' instanceid='c4c2c6b4-2c1f-4c80-8b5c-1a2b3c4d5e6f'/>",
    );
  });
});
