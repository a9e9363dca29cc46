import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../core/define/network-settings.js';
import { readNetworkDefinition } from '../../../core/definition.js';
import { applyCheckedNetworkUpdate } from '../../../core/update/index.js';
import { dhcpHostXml, dnsHostXml } from '../../../renderer/src/features/settings/host-snippets.js';
import { checkSettings, rangeAfterMove } from '../../../renderer/src/features/settings/settings-check.js';

const lab = (() => {
  const r = readNetworkDefinition(`<network>
  <name>lab</name>
  <forward mode='nat'/>
  <ip address='192.168.50.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.50.100' end='192.168.50.199'/>
    </dhcp>
  </ip>
</network>
`);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();

describe('the settings form', () => {
  it('has nothing to save while the fields are as read', () => {
    expect(checkSettings(lab, readSettings(lab))).toEqual({ changed: false });
  });

  it("shows core's own message for a reversed range, as net-define would", () => {
    const c = checkSettings(lab, {
      ...readSettings(lab),
      rangeStart: '192.168.50.199',
      rangeEnd: '192.168.50.100',
    });
    expect(c.problem).toMatch(/range/);
    expect(c.problem).toContain('192.168.50.199');
    expect(c.xml).toBeUndefined();
  });

  it('gives the XML to save for a valid change', () => {
    const c = checkSettings(lab, { ...readSettings(lab), mtu: '1400' });
    expect(c.problem).toBeUndefined();
    expect(c.xml).toContain("<mtu size='1400'/>");
  });

  it('moves the DHCP range with the subnet, at the same offsets where they fit', () => {
    const range = { start: '192.168.50.100', end: '192.168.50.199' };
    expect(rangeAfterMove('192.168.50.1/24', '10.7.0.1/24', range)).toEqual({
      start: '10.7.0.100',
      end: '10.7.0.199',
    });
    expect(rangeAfterMove('192.168.50.1/24', '10.7.0.1/26', range)).toEqual({
      start: '10.7.0.2',
      end: '10.7.0.62',
    });
    expect(rangeAfterMove('192.168.50.1/24', '192.168.50.7/24', range)).toBeUndefined();
  });

  it('builds static and DNS host snippets core accepts, escaping what it must', () => {
    const host = dhcpHostXml({ mac: '52:54:00:00:00:09', ip: '192.168.50.9', name: 'db-1.lab' });
    const added = applyCheckedNetworkUpdate(lab, { command: 'add', section: 'ip-dhcp-host', xml: host });
    expect(added.ok && added.value.ips[0]?.dhcp?.hosts[0]?.name).toBe('db-1.lab');
    // A quote cannot break out of the attribute; core then refuses the name itself.
    const quoted = dhcpHostXml({ mac: '52:54:00:00:00:09', ip: '192.168.50.9', name: "o'brien" });
    expect(quoted).toBe("<host mac='52:54:00:00:00:09' name='o&apos;brien' ip='192.168.50.9'/>");
    const refused = applyCheckedNetworkUpdate(lab, { command: 'add', section: 'ip-dhcp-host', xml: quoted });
    expect(refused.ok ? '' : refused.error.message).toMatch(/name 'o\\?'brien' may contain only letters/);
    const dns = dnsHostXml({ ip: '192.168.50.9', hostnames: 'db, db.lab' });
    expect(dns).toBe("<host ip='192.168.50.9'><hostname>db</hostname><hostname>db.lab</hostname></host>");
    expect(applyCheckedNetworkUpdate(lab, { command: 'add', section: 'dns-host', xml: dns }).ok).toBe(true);
  });
});
