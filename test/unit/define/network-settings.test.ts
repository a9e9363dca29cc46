import { describe, expect, it } from 'vitest';
import { applySettings, type NetworkSettings, readSettings } from '../../../core/define/network-settings.js';
import { readNetworkDefinition } from '../../../core/definition.js';
import type { NetworkDef } from '../../../core/model/network.js';
import { formatNetworkXml } from '../../../core/xml/format-network.js';

/** The definition with the settings written in; these tests give only settings core can write. */
function applied(def: NetworkDef, settings: NetworkSettings): NetworkDef {
  const out = applySettings(def, settings);
  if (!out.ok) throw new Error(out.error.message);
  return out.value;
}

const xml = `<network>
  <name>lab</name>
  <uuid>3e3fce45-4f53-4fa7-bb32-11f34168b82b</uuid>
  <forward mode='nat'>
    <nat>
      <port start='1024' end='65535'/>
    </nat>
  </forward>
  <bridge name='virbr5' stp='on' delay='0'/>
  <mtu size='9000'/>
  <domain name='lab.test' localOnly='yes'/>
  <ip address='192.168.50.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.50.100' end='192.168.50.199'>
        <lease expiry='2' unit='hours'/>
      </range>
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

const print = (d: ReturnType<typeof lab>) => formatNetworkXml(d, { inactive: true });

describe('network settings for the form', () => {
  it('reads what the form shows', () => {
    expect(readSettings(lab())).toEqual({
      mode: 'nat',
      uplink: '',
      ipv4: '192.168.50.1/24',
      dhcp: true,
      rangeStart: '192.168.50.100',
      rangeEnd: '192.168.50.199',
      leaseTime: '2',
      leaseUnit: 'hours',
      domain: 'lab.test',
      mtu: '9000',
      ipv6: '',
    });
  });

  it('writes back unchanged settings without touching anything', () => {
    expect(print(applied(lab(), readSettings(lab())))).toBe(print(lab()));
  });

  it('sets the uplink and keeps the NAT port range', () => {
    const out = applied(lab(), { ...readSettings(lab()), uplink: 'eth1' });
    expect(out.forward).toMatchObject({ mode: 'nat', dev: 'eth1', nat: { portStart: 1024, portEnd: 65535 } });
  });

  it('isolated drops <forward>; routed drops the NAT block', () => {
    expect(applied(lab(), { ...readSettings(lab()), mode: 'isolated' }).forward).toBeUndefined();
    expect(applied(lab(), { ...readSettings(lab()), mode: 'route' }).forward?.nat).toBeUndefined();
  });

  it('moves static hosts with the subnet and keeps the rest of the definition', () => {
    const out = applied(lab(), {
      ...readSettings(lab()),
      ipv4: '10.5.0.1/24',
      rangeStart: '10.5.0.100',
      rangeEnd: '10.5.0.199',
    });
    const ip = out.ips[0];
    expect(ip).toMatchObject({ address: '10.5.0.1', netmask: '255.255.255.0' });
    expect(ip?.dhcp?.hosts[0]).toMatchObject({ name: 'db', ip: '10.5.0.10' });
    expect(ip?.dhcp?.ranges[0]?.lease).toMatchObject({ expiry: 2, unit: 'hours' });
    expect(out.bridge?.name).toBe('virbr5');
    expect(readNetworkDefinition(print(out)).ok).toBe(true);
  });

  it('DHCP off keeps static hosts; an infinite lease is expiry 0 without a unit', () => {
    const off = applied(lab(), { ...readSettings(lab()), dhcp: false });
    expect(off.ips[0]?.dhcp?.ranges).toEqual([]);
    expect(off.ips[0]?.dhcp?.hosts).toHaveLength(1);
    const forever = applied(lab(), { ...readSettings(lab()), leaseTime: '0' });
    expect(forever.ips[0]?.dhcp?.ranges[0]?.lease).toEqual({ expiry: 0 });
  });

  it('no IPv4 is an L2-only network; IPv6 and MTU and domain come and go', () => {
    const l2 = applied(lab(), {
      ...readSettings(lab()),
      mode: 'isolated',
      ipv4: '',
      domain: '',
      mtu: '',
    });
    expect(l2.ips).toEqual([]);
    expect(l2.domain).toBeUndefined();
    expect(l2.mtu).toBeUndefined();
    const v6 = applied(lab(), { ...readSettings(lab()), ipv6: 'fd00:5::1/64' });
    expect(v6.ips[1]).toMatchObject({ family: 'ipv6', address: 'fd00:5::1', prefix: 64 });
    expect(readSettings(v6).ipv6).toBe('fd00:5::1/64');
  });

  it('refuses, naming the network, the field and the value, what it cannot read', () => {
    const refusal = (change: Partial<NetworkSettings>) => {
      const out = applySettings(lab(), { ...readSettings(lab()), ...change });
      return out.ok ? undefined : out.error;
    };
    expect(refusal({ ipv4: '10.5.0.1' })).toEqual({
      code: 'validation',
      network: 'lab',
      message: "network 'lab': IPv4 '10.5.0.1' is not an address/prefix like 192.168.100.1/24",
    });
    expect(refusal({ mtu: 'big' })?.message).toBe("network 'lab': MTU 'big' is not a whole number");
    expect(refusal({ leaseTime: '1h' })?.message).toBe(
      "network 'lab': lease time '1h' is not a whole number",
    );
    expect(refusal({ ipv6: 'fd00::1' })?.message).toBe(
      "network 'lab': IPv6 'fd00::1' is not an address/prefix like fd00:1::1/64",
    );
  });
});
