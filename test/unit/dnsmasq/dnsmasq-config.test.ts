import { describe, expect, test } from 'vitest';
import {
  dnsmasqAddnHosts,
  dnsmasqConfig,
  dnsmasqHostsfile,
  dnsmasqPaths,
  safeFileStem,
  shouldRunDnsmasq,
} from '../../../core/dnsmasq/index.js';
import { dhcp, lan4, nat, network } from './network-fixture.js';

const opts = { stateDir: '/var/lib/switchyard/dnsmasq', bridge: 'sybr0' };
const lines = (conf: string) => conf.split('\n');

describe('safeFileStem', () => {
  test('keeps plain names and encodes everything else', () => {
    expect(safeFileStem('default')).toBe('default');
    expect(safeFileStem('a b;"c"\n')).toMatch(/^[A-Za-z0-9_+%-]+$/);
  });

  test('never yields . or .. and never collides on tricky names', () => {
    const names = ['.', '..', 'a.b', 'a%2Eb', 'a/b', 'a b', 'a\nb', 'a;b', "a'b", 'ä', '%'];
    const stems = names.map(safeFileStem);
    expect(stems).not.toContain('.');
    expect(stems).not.toContain('..');
    expect(stems.every((s) => !s.includes('/'))).toBe(true);
    expect(new Set(stems).size).toBe(names.length);
  });

  test('paths use the stem', () => {
    expect(dnsmasqPaths('/s/', 'x y')).toEqual({
      conf: '/s/x%20y.conf',
      hostsfile: '/s/x%20y.hostsfile',
      addnhosts: '/s/x%20y.addnhosts',
      leases: '/s/x%20y.leases',
    });
  });
});

describe('dnsmasqConfig', () => {
  test('the header is six comment lines and names the network escaped', () => {
    const conf = dnsmasqConfig(network({ name: 'evil\nname"x', forward: nat, ips: [lan4] }), opts);
    const head = lines(conf).slice(0, 6);
    expect(head.every((l) => l.startsWith('##'))).toBe(true);
    expect(lines(conf)[6]).toBe('strict-order');
    expect(conf).toContain('"evil\\nname\\"x"');
    expect(lines(conf).filter((l) => l.startsWith('name'))).toEqual([]);
  });

  test('paths are built from the safe stem', () => {
    const conf = dnsmasqConfig(network({ name: 'a b;c', forward: nat, ips: [lan4] }), opts);
    expect(conf).toContain('dhcp-hostsfile=/var/lib/switchyard/dnsmasq/a%20b%3Bc.hostsfile\n');
    expect(conf).toContain('addn-hosts=/var/lib/switchyard/dnsmasq/a%20b%3Bc.addnhosts\n');
    expect(conf).toContain('dhcp-leasefile=/var/lib/switchyard/dnsmasq/a%20b%3Bc.leases\n');
  });

  test('production options: pid-file and user where libvirt puts pid-file', () => {
    const conf = dnsmasqConfig(network({ forward: nat, ips: [lan4] }), {
      ...opts,
      pidFile: '/run/switchyard/lab.pid',
      user: 'dnsmasq',
    });
    const l = lines(conf);
    expect(l.indexOf('pid-file=/run/switchyard/lab.pid')).toBe(l.indexOf('except-interface=lo') - 2);
    expect(l).toContain('user=dnsmasq');
    expect(l).toContain('interface=sybr0');
  });

  test('pinging before an offer stays on unless the host layer opts out', () => {
    const def = network({ forward: nat, ips: [lan4] });
    expect(dnsmasqConfig(def, opts)).not.toContain('no-ping');
    expect(dnsmasqConfig(def, { ...opts, fastOffer: true })).toContain('\nno-ping\n');
    const noDhcp = network({ forward: nat, ips: [{ address: '10.1.0.1', prefix: 24 }] });
    expect(dnsmasqConfig(noDhcp, { ...opts, fastOffer: true })).not.toContain('no-ping');
  });

  test('no lease file without DHCP', () => {
    const conf = dnsmasqConfig(network({ forward: nat, ips: [{ address: '10.1.0.1', prefix: 24 }] }), opts);
    expect(conf).not.toContain('dhcp-leasefile');
    expect(conf).not.toContain('dhcp-hostsfile');
  });

  test('refuses values that would start a new option line', () => {
    const def = network({ forward: nat, ips: [lan4], domain: { name: 'x\ndhcp-script=/bin/sh' } });
    expect(() => dnsmasqConfig(def, opts)).toThrow(/control character/);
  });

  test('lease time defaults to minutes', () => {
    const ip = {
      ...lan4,
      dhcp: dhcp({ ranges: [{ start: '192.168.50.10', end: '192.168.50.19', lease: { expiry: 5 } }] }),
    };
    expect(dnsmasqConfig(network({ forward: nat, ips: [ip] }), opts)).toContain(
      'dhcp-range=192.168.50.10,192.168.50.19,255.255.255.0,5m\n',
    );
  });

  test('local PTR needs a prefix on a label boundary', () => {
    const ip = { address: '10.0.0.1', prefix: 20, localPtr: 'yes' as const };
    expect(() => dnsmasqConfig(network({ forward: nat, ips: [ip] }), opts)).toThrow(/localPtr/);
    const ok = { address: '10.0.0.1', prefix: 16, localPtr: 'yes' as const };
    expect(dnsmasqConfig(network({ forward: nat, ips: [ok] }), opts)).toContain(
      'local=/0.10.in-addr.arpa/\n',
    );
  });

  test('DNS disabled: port=0 and no addn-hosts, DHCP still served', () => {
    const conf = dnsmasqConfig(network({ forward: nat, ips: [lan4], dns: dnsOff() }), opts);
    expect(conf).toContain('\nport=0\n');
    expect(conf).not.toContain('addn-hosts');
    expect(conf).toContain('dhcp-range=');
  });
});

function dnsOff() {
  return { enable: 'no' as const, forwarders: [], txts: [], hosts: [], srvs: [] };
}

describe('hosts files', () => {
  test('IPv4 host by name only is name,ip; hosts without ip are skipped', () => {
    const ip = {
      ...lan4,
      dhcp: dhcp({
        hosts: [
          { name: 'printer', ip: '192.168.50.5' },
          { mac: '52:54:00:00:00:01', name: 'nothing' },
          { mac: '52:54:00:00:00:02', ip: '192.168.50.6', lease: { expiry: 2, unit: 'hours' as const } },
        ],
      }),
    };
    expect(dnsmasqHostsfile(network({ ips: [ip] }))).toBe(
      'printer,192.168.50.5\n52:54:00:00:00:02,192.168.50.6,2h\n',
    );
  });

  test('addn-hosts lists each <dns><host> on one line', () => {
    const dns = {
      forwarders: [],
      txts: [],
      srvs: [],
      hosts: [{ ip: '192.168.50.1', hostnames: ['gw', 'host'] }],
    };
    expect(dnsmasqAddnHosts(network({ dns }))).toBe('192.168.50.1\tgw\thost\n');
    expect(dnsmasqAddnHosts(network())).toBe('');
  });
});

describe('shouldRunDnsmasq', () => {
  test('DNS disabled and nothing for DHCP or TFTP: no dnsmasq', () => {
    const routed = { ...nat, mode: 'route' as const };
    expect(
      shouldRunDnsmasq(
        network({ forward: routed, dns: dnsOff(), ips: [{ address: '10.1.0.1', prefix: 24 }] }),
      ),
    ).toBe(false);
  });

  test('DNS disabled but DHCP or TFTP configured: dnsmasq runs', () => {
    expect(shouldRunDnsmasq(network({ dns: dnsOff(), ips: [lan4] }))).toBe(true);
    const tftp = { address: '10.1.0.1', prefix: 24, tftp: { root: '/srv/tftp' } };
    expect(shouldRunDnsmasq(network({ dns: dnsOff(), ips: [tftp] }))).toBe(true);
  });

  test('DNS alone is enough; no address or a bridged mode means none', () => {
    expect(shouldRunDnsmasq(network({ forward: nat, ips: [{ address: '10.1.0.1', prefix: 24 }] }))).toBe(
      true,
    );
    expect(shouldRunDnsmasq(network({ forward: nat }))).toBe(false);
    expect(shouldRunDnsmasq(network({ forward: { ...nat, mode: 'bridge' }, ips: [lan4] }))).toBe(false);
  });
});
