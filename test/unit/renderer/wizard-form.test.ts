import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../../core/addr/cidr.js';
import { readNetworkDefinition } from '../../../core/definition.js';
import {
  checkForm,
  derivedRange,
  formEdited,
  formValid,
  initialForm,
  toXml,
} from '../../../renderer/src/features/create-wizard/wizard-form.js';

const ctx = {
  existingNames: new Set(['default']),
  inUse: [{ cidr: parseCidr('192.168.122.0/24')!, user: "network 'default'" }],
};

describe('create wizard form', () => {
  it('derives the DHCP range from the subnet', () => {
    expect(derivedRange('192.168.100.0/24')).toEqual({ start: '192.168.100.2', end: '192.168.100.254' });
    expect(derivedRange('10.1.0.0/16')).toEqual({ start: '10.1.0.2', end: '10.1.255.254' });
    expect(derivedRange('nonsense')).toBeUndefined();
  });

  it('produces XML that core reads back as the same network', () => {
    const f = initialForm('lab', '192.168.100.0/24', () => 0.5);
    f.domain = 'lab.internal';
    f.hosts.push({ mac: '52:54:00:AA:BB:CC', ip: '192.168.100.50', name: 'db' });
    const read = readNetworkDefinition(toXml(f));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.name).toBe('lab');
    expect(read.value.forward?.mode).toBe('nat');
    expect(read.value.ips[0]?.address).toBe('192.168.100.1');
    expect(read.value.ips[0]?.dhcp?.hosts[0]).toMatchObject({
      mac: '52:54:00:aa:bb:cc',
      ip: '192.168.100.50',
      name: 'db',
    });
    expect(read.value.domain?.name).toBe('lab.internal');
  });

  it('writes no <forward> for an isolated network, and an uplink when one is chosen', () => {
    const iso = initialForm('iso', '10.9.0.0/24');
    iso.mode = 'isolated';
    expect(toXml(iso)).not.toContain('<forward');
    const routed = initialForm('r', '10.9.1.0/24');
    routed.mode = 'route';
    routed.uplink = 'eth0';
    expect(toXml(routed)).toContain("<forward dev='eth0' mode='route'>");
  });

  it('adds an IPv6 ULA prefix when asked', () => {
    const f = initialForm('v6', '10.9.2.0/24', () => 0);
    f.ipv6 = true;
    expect(f.ipv6Prefix).toBe('fd00::/64');
    expect(toXml(f)).toMatch(/family=['"]ipv6['"] address=['"]fd00::1['"] prefix=['"]64['"]/);
  });

  it('checks what only the wizard knows: names in use, the subnet and prefix fields', () => {
    const f = initialForm('default', '192.168.122.0/24');
    const c = checkForm(f, ctx);
    expect(c.fields.name).toBe("A network named 'default' already exists.");
    expect(c.warning).toContain("network 'default'");
    expect(formValid(c)).toBe(false);
    expect(checkForm({ ...f, subnet: '300.1.1.0/24' }, ctx).fields.subnet).toMatch(/not an IPv4 subnet/);
    expect(checkForm({ ...f, ipv6: true, ipv6Prefix: 'fd00::/96' }, ctx).fields.ipv6).toMatch(
      /not an IPv6 prefix/,
    );
  });

  it('shows core’s own message (the CLI’s) beside the field it is about', () => {
    const f = initialForm('lab', '192.168.100.0/24');
    f.rangeStart = '192.168.100.200';
    f.rangeEnd = '192.168.100.10';
    const reversed = checkForm(f, ctx);
    expect(reversed.fields.range).toBe(
      "network 'lab': <range start='192.168.100.200' end='192.168.100.10'> is reversed: start comes after end",
    );
    expect(reversed.core?.message).toMatch(/\(line \d+:\d+\) is reversed/);
    expect(formValid(reversed)).toBe(false);

    const outside = checkForm({ ...initialForm('lab', '192.168.100.0/24'), rangeStart: '192.168.9.9' }, ctx);
    expect(outside.fields.range).toMatch(/is not entirely within 192\.168\.100\.0\/24$/);

    const named = checkForm(initialForm('bad name with spaces/slash', '192.168.100.0/24'), ctx);
    expect(named.fields.name).toBe("network 'bad name with spaces/slash': <name> may not contain '/'");
  });

  it('refuses a static host on the gateway address and a domain dnsmasq cannot use', () => {
    const f = initialForm('lab', '192.168.100.0/24');
    f.hosts.push({ mac: '', ip: '', name: '' });
    f.hosts.push({ mac: '52:54:00:00:00:07', ip: '192.168.100.1', name: 'gw' });
    f.domain = 'bad domain!';
    const c = checkForm(f, ctx);
    expect(c.fields.hosts).toBe(
      "network 'lab': <host mac='52:54:00:00:00:07' name='gw' ip='192.168.100.1'> ip '192.168.100.1' is the network's own address: the host holds it as the guests' gateway",
    );
    expect(c.badHost).toBe(1);
    expect(c.fields.domain).toBe(
      "network 'lab': <domain name='bad domain!'> name 'bad domain!' may contain only letters, digits, '.' and '-' (a DNS name like lab.example)",
    );
  });

  it('makes IPv4 optional: without it and IPv6 the network is a plain switch', () => {
    const f = { ...initialForm('l2', '192.168.100.0/24'), mode: 'isolated' as const, ipv4: false };
    const c = checkForm(f, ctx);
    expect(formValid(c)).toBe(true);
    expect(c.xml).not.toContain('<ip');
    const read = readNetworkDefinition(c.xml);
    expect(read.ok && read.value.ips).toEqual([]);
    // A NAT network needs an address to translate from: core says so beside the mode.
    const nat = checkForm({ ...f, mode: 'nat' }, ctx);
    expect(nat.fields.mode).toMatch(/<forward mode='nat'> needs at least one <ip>/);
    expect(nat.fields.subnet).toBeUndefined();
  });

  it('knows whether the user changed anything', () => {
    const start = initialForm('lab', '192.168.100.0/24', () => 0.5);
    expect(formEdited(structuredClone(start), start)).toBe(false);
    expect(formEdited({ ...start, domain: 'x' }, start)).toBe(true);
  });

  it('accepts a good form', () => {
    const c = checkForm(initialForm('network', '192.168.100.0/24'), ctx);
    expect(c.fields).toEqual({});
    expect(c.core).toBeUndefined();
    expect(formValid(c)).toBe(true);
  });
});
