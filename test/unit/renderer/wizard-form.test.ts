import { describe, expect, it } from 'vitest';
import { parseCidr } from '../../../core/addr/cidr.js';
import { readNetworkDefinition } from '../../../core/definition.js';
import {
  checkForm,
  derivedRange,
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

  it('checks the fields a user types before core does', () => {
    const f = initialForm('default', '192.168.122.0/24');
    f.rangeStart = '192.168.9.9';
    const c = checkForm(f, ctx);
    expect(c.fields.name).toBe("A network named 'default' already exists.");
    expect(c.fields.range).toBe('192.168.9.9 is not a host address in 192.168.122.0/24.');
    expect(c.warning).toContain("network 'default'");
    expect(formValid(c)).toBe(false);
    expect(checkForm({ ...f, subnet: '300.1.1.0/24' }, ctx).fields.subnet).toMatch(/not an IPv4 subnet/);
  });

  it('shows core’s own message (the CLI’s) for what only core checks', () => {
    const f = initialForm('bad name with spaces/slash', '192.168.100.0/24');
    const c = checkForm(f, ctx);
    expect(c.core?.message).toMatch(/bad name with spaces\/slash/);
  });

  it('accepts a good form', () => {
    const c = checkForm(initialForm('network', '192.168.100.0/24'), ctx);
    expect(c.fields).toEqual({});
    expect(c.core).toBeUndefined();
    expect(formValid(c)).toBe(true);
  });
});
