import { describe, expect, it } from 'vitest';
import { applyNetworkFix, type NetworkFix } from '../../../core/define/network-fix.js';
import { readNetworkDefinition } from '../../../core/definition.js';

const xml = `<network>
  <name>lab</name>
  <uuid>3e3fce45-4f53-4fa7-bb32-11f34168b82b</uuid>
  <forward mode='nat'/>
  <bridge name='virbr5' stp='on' delay='0'/>
  <ip address='192.168.50.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.50.2' end='192.168.50.254'/>
      <host mac='52:54:00:00:00:01' name='db' ip='192.168.50.10'/>
    </dhcp>
  </ip>
</network>
`;

function lab() {
  const r = readNetworkDefinition(xml);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function fixed(fix: NetworkFix) {
  const r = applyNetworkFix(lab(), fix);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the fixes offered with a colliding start', () => {
  it('moves to a free subnet, keeping static hosts at their offset and the identity', () => {
    const def = fixed({ kind: 'free-subnet', subnet: '192.168.51.0/24' });
    const ip = def.ips[0];
    expect(ip?.address).toBe('192.168.51.1');
    expect(ip?.dhcp?.ranges[0]).toMatchObject({ start: '192.168.51.2', end: '192.168.51.254' });
    expect(ip?.dhcp?.hosts[0]).toMatchObject({ name: 'db', ip: '192.168.51.10' });
    expect(def.uuid).toBe('3e3fce45-4f53-4fa7-bb32-11f34168b82b');
  });

  it('drops a static host that falls outside a smaller subnet', () => {
    const def = fixed({ kind: 'free-subnet', subnet: '10.1.1.0/29' });
    expect(def.ips[0]?.dhcp?.hosts).toEqual([]);
  });

  it('refuses a subnet that is not IPv4, naming the network and the value', () => {
    expect(applyNetworkFix(lab(), { kind: 'free-subnet', subnet: 'fd00::/64' })).toEqual({
      ok: false,
      error: {
        code: 'validation',
        network: 'lab',
        message: "network 'lab': 'fd00::/64' is not an IPv4 subnet",
      },
    });
  });

  it('lets define pick the bridge name', () => {
    expect(fixed({ kind: 'auto-bridge' }).bridge?.name).toBeUndefined();
  });
});
