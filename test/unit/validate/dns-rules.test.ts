import { describe, expect, it } from 'vitest';
import type { DnsDef, DnsSrv } from '../../../core/model/network.js';
import { at, natMessages } from './network-fixture.js';

const emptyDns = (): DnsDef => ({ at: at(12), forwarders: [], txts: [], hosts: [], srvs: [] });
const withDns = (change: (dns: DnsDef) => void) =>
  natMessages((d) => {
    const dns = emptyDns();
    change(dns);
    d.dns = dns;
  });

describe('<dns>', () => {
  it('accepts enable=no without records, and records when enabled', () => {
    expect(withDns((dns) => (dns.enable = 'no'))).toEqual([]);
    expect(
      withDns((dns) => {
        dns.forwarders.push(
          { addr: '8.8.8.8' },
          { domain: 'example.com' },
          { domain: 'lab', addr: '10.0.0.53' },
        );
        dns.hosts.push({ ip: '10.0.0.20', hostnames: ['a', 'b'] });
        dns.txts.push({ name: 'example', value: 'some text' });
        dns.srvs.push({ service: 'ldap', protocol: 'tcp' });
        dns.srvs.push({
          service: 'name',
          protocol: 'tcp',
          domain: 'test',
          target: '.',
          port: 1024,
          priority: 10,
          weight: 10,
        });
      }),
    ).toEqual([]);
  });
  it('rejects records in a disabled <dns>', () => {
    const messages = withDns((dns) => {
      dns.enable = 'no';
      dns.txts.push({ name: 'example', value: 'x' });
    });
    expect(messages).toEqual([
      "network 'lab': <dns enable='no'> (line 12:3) may not contain <forwarder>, <host>, <srv> or <txt> elements: DNS is disabled",
    ]);
  });
  it('checks forwarders', () => {
    expect(withDns((dns) => dns.forwarders.push({ at: at(13, 5), addr: '8.8.8' }))).toEqual([
      "network 'lab': <forwarder addr='8.8.8'> (line 13:5) addr '8.8.8' is not a valid IP address",
    ]);
    expect(withDns((dns) => dns.forwarders.push({ at: at(13, 5) }))).toEqual([
      "network 'lab': <forwarder> (line 13:5) needs an addr or a domain attribute",
    ]);
  });
  it('checks hosts', () => {
    const host = (ip: string, hostnames: string[]) =>
      withDns((dns) => dns.hosts.push({ at: at(13, 5), ip, hostnames }));
    expect(host('', ['a'])).toEqual(["network 'lab': <host ip=''> (line 13:5) has no ip attribute"]);
    expect(host('10.0.0', ['a'])).toEqual([
      "network 'lab': <host ip='10.0.0'> (line 13:5) ip '10.0.0' is not a valid IP address",
    ]);
    expect(host('10.0.0.9', [])).toEqual([
      "network 'lab': <host ip='10.0.0.9'> (line 13:5) needs at least one <hostname>",
    ]);
    expect(host('10.0.0.9', ['a', ''])).toEqual([
      "network 'lab': <host ip='10.0.0.9'> (line 13:5) has an empty <hostname>",
    ]);
  });
  it.each<[string, DnsSrv, string]>([
    ['no service', { protocol: 'tcp' }, "<srv protocol='tcp'> (line 13:5) needs a service attribute"],
    [
      'bad service',
      { service: 'a.b', protocol: 'tcp' },
      "<srv service='a.b' protocol='tcp'> (line 13:5) service 'a.b' may contain only letters, digits and _ - + / *",
    ],
    [
      'long service',
      { service: 's'.repeat(483), protocol: 'tcp' },
      // Quoted values are cut to 64 characters.
      `<srv service='${'s'.repeat(64)}…' protocol='tcp'> (line 13:5) service is longer than 482 characters`,
    ],
    [
      'no protocol',
      { service: 'ldap' },
      "<srv service='ldap'> (line 13:5) needs a protocol attribute (e.g. 'tcp' or 'udp')",
    ],
    [
      'bad protocol',
      { service: 'ldap', protocol: 't_cp' },
      "<srv service='ldap' protocol='t_cp'> (line 13:5) protocol 't_cp' may contain only letters, digits and - + /",
    ],
    [
      'port without target',
      { service: 'ldap', protocol: 'tcp', port: 389 },
      "<srv service='ldap' protocol='tcp' port='389'> (line 13:5) may not have port without a target",
    ],
    [
      'port 0',
      { service: 'ldap', protocol: 'tcp', target: 'h', port: 0 },
      "<srv service='ldap' protocol='tcp' target='h' port='0'> (line 13:5) port '0' is out of range (1-65535)",
    ],
    [
      'port too big',
      { service: 'ldap', protocol: 'tcp', target: 'h', port: 65536 },
      "<srv service='ldap' protocol='tcp' target='h' port='65536'> (line 13:5) port '65536' is out of range (1-65535)",
    ],
    [
      'priority too big',
      { service: 'ldap', protocol: 'tcp', target: 'h', priority: 70000 },
      "<srv service='ldap' protocol='tcp' target='h' priority='70000'> (line 13:5) priority '70000' is out of range (0-65535)",
    ],
    [
      'weight without target',
      { service: 'ldap', protocol: 'tcp', weight: 1 },
      "<srv service='ldap' protocol='tcp' weight='1'> (line 13:5) may not have weight without a target",
    ],
  ])('rejects srv: %s', (_label, srv, message) => {
    expect(withDns((dns) => dns.srvs.push({ at: at(13, 5), ...srv }))).toEqual([`network 'lab': ${message}`]);
  });
  it('checks txt names', () => {
    const txt = (name: string) => withDns((dns) => dns.txts.push({ at: at(13, 5), name, value: 'v' }));
    expect(txt('a b')).toEqual([
      "network 'lab': <txt name='a b' value='v'> (line 13:5) name 'a b' may not contain spaces or commas",
    ]);
    expect(txt('a,b')).toEqual([
      "network 'lab': <txt name='a,b' value='v'> (line 13:5) name 'a,b' may not contain spaces or commas",
    ]);
    expect(txt('')).toEqual(["network 'lab': <txt name='' value='v'> (line 13:5) needs a name attribute"]);
  });
});
