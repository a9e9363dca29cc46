// net-update modify on the DNS sections, which libvirt 9.0 refuses and libvirt
// >= 10.6 supports: a record is found by its key (host by ip, txt by name, srv by
// service/protocol/domain/target) and replaced; no match, or an incomplete
// record, changes nothing.
import { describe, expect, it } from 'vitest';
import type { NetworkDef } from '../../../core/model/network.js';
import { applyCheckedNetworkUpdate } from '../../../core/update/apply-update.js';
import type { UpdateSection } from '../../../core/update/update-request.js';
import { formatNetworkXml } from '../../../core/xml/format-network.js';
import { parseNetworkXml } from '../../../core/xml/parse-network.js';

const XML = `<network>
  <name>lab</name>
  <bridge name='sylab0'/>
  <dns>
    <txt name='example' value='example value'/>
    <srv service='name' protocol='tcp' domain='test-domain-name' target='a.example' port='1024' priority='10' weight='10'/>
    <host ip='192.168.10.2'>
      <hostname>myhost</hostname>
      <hostname>myhostalias</hostname>
    </host>
  </dns>
  <ip address='192.168.10.1' netmask='255.255.255.0'/>
</network>
`;

function base(): NetworkDef {
  const parsed = parseNetworkXml(XML);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const modify = (section: UpdateSection, xml: string) =>
  applyCheckedNetworkUpdate(base(), { command: 'modify', section, xml });

function dnsXml(section: UpdateSection, xml: string): string {
  const result = modify(section, xml);
  if (!result.ok) throw new Error(result.error.message);
  const text = formatNetworkXml(result.value);
  return text.slice(text.indexOf('<dns>'), text.indexOf('</dns>'));
}

const refusal = (section: UpdateSection, xml: string): string => {
  const result = modify(section, xml);
  return result.ok ? 'accepted' : result.error.message;
};

describe('net-update modify of DNS records', () => {
  it('replaces the hostnames of the dns host with the same ip', () => {
    const xml =
      "<host ip='192.168.10.2'><hostname>myserver</hostname><hostname>my_new_server</hostname></host>";
    expect(dnsXml('dns-host', xml)).toContain(
      "<host ip='192.168.10.2'>\n      <hostname>myserver</hostname>\n      <hostname>my_new_server</hostname>\n    </host>",
    );
  });

  it('refuses a dns host whose ip matches no record, even when its hostnames do', () => {
    expect(
      refusal(
        'dns-host',
        "<host ip='192.168.10.5'><hostname>myhost</hostname><hostname>myhostalias</hostname></host>",
      ),
    ).toBe("network 'lab': <host ip='192.168.10.5'> (line 1:1) matches no DNS <host> record by ip");
  });

  it('gives the txt record of that name its new value, and needs both name and value', () => {
    expect(dnsXml('dns-txt', "<txt name='example' value='new value'/>")).toContain(
      "<txt name='example' value='new value'/>",
    );
    expect(refusal('dns-txt', "<txt name='example'/>")).toBe(
      "network 'lab': <txt name='example'> (line 1:1) has no value attribute",
    );
    expect(refusal('dns-txt', "<txt value='new value'/>")).toBe(
      "network 'lab': <txt value='new value'> (line 1:1) has no name attribute",
    );
    expect(refusal('dns-txt', "<txt name='other' value='x'/>")).toBe(
      "network 'lab': <txt name='other' value='x'> (line 1:1) matches no DNS <txt> record by name",
    );
  });

  it('replaces the one srv record that matches, e.g. with a new port', () => {
    const xml =
      "<srv service='name' protocol='tcp' domain='test-domain-name' target='a.example' port='2048' priority='5' weight='1'/>";
    expect(dnsXml('dns-srv', xml)).toContain(
      "<srv service='name' protocol='tcp' domain='test-domain-name' target='a.example' port='2048' priority='5' weight='1'/>",
    );
    expect(refusal('dns-srv', "<srv service='ldap' protocol='tcp' port='389'/>")).toContain(
      'matches no DNS <srv> record',
    );
  });
});
