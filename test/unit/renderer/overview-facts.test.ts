import { describe, expect, it } from 'vitest';
import { readNetworkDefinition } from '../../../core/definition.js';
import { overviewFacts } from '../../../renderer/src/features/networks/overview-facts.js';

function facts(xml: string) {
  const r = readNetworkDefinition(xml);
  if (!r.ok) throw new Error(r.error.message);
  return Object.fromEntries(overviewFacts(r.value).map((f) => [f.label, f.value]));
}

describe('the overview of a network', () => {
  it('says what it does and where: uplink, range, lease time, static hosts, domain, MTU', () => {
    expect(
      facts(`<network>
  <name>lab</name>
  <forward mode='nat' dev='eth1'/>
  <mtu size='9000'/>
  <domain name='lab.test'/>
  <ip address='192.168.50.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.50.100' end='192.168.50.199'>
        <lease expiry='2' unit='hours'/>
      </range>
      <host mac='52:54:00:00:00:01' name='db' ip='192.168.50.10'/>
    </dhcp>
  </ip>
</network>`),
    ).toEqual({
      Mode: 'NAT',
      Uplink: 'eth1',
      IPv4: '192.168.50.1 on 192.168.50.0/24',
      'DHCP range': '192.168.50.100 – 192.168.50.199',
      'Lease time': '2 hours',
      'Static hosts': '192.168.50.10 db',
      'DNS domain': 'lab.test',
      MTU: '9000',
      IPv6: 'none',
    });
  });

  it('an isolated L2-only network has no uplink and no IPv4', () => {
    const f = facts('<network><name>l2</name></network>');
    expect(f.Uplink).toBe('none (isolated)');
    expect(f.IPv4).toBe('none (layer 2 only)');
    expect(f['DHCP range']).toBe('—');
  });
});
