import { describe, expect, it } from 'vitest';
import { readNetworkDefinition } from '../../../core/definition.js';
import { cloneXml, replacingXml } from '../../../renderer/src/features/networks/definition-edits.js';

const xml = `<network>
  <name>lab</name>
  <uuid>3e3fce45-4f53-4fa7-bb32-11f34168b82b</uuid>
  <forward mode='nat'/>
  <bridge name='virbr5' stp='on' delay='0'/>
  <mac address='52:54:00:0a:0b:0c'/>
  <ip address='192.168.50.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.50.2' end='192.168.50.254'/>
      <host mac='52:54:00:00:00:01' name='db' ip='192.168.50.10'/>
    </dhcp>
  </ip>
</network>
`;

function read(text: string) {
  const r = readNetworkDefinition(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('definition edits', () => {
  it('replaces a network with a file, keeping its UUID, bridge name and MAC where the file has none', () => {
    const file = `<network>
  <name>lab</name>
  <uuid>11111111-2222-3333-4444-555555555555</uuid>
  <ip address='10.9.0.1' netmask='255.255.255.0'/>
</network>
`;
    const def = read(replacingXml(file, xml));
    expect(def.uuid).toBe('3e3fce45-4f53-4fa7-bb32-11f34168b82b');
    expect(def.bridge?.name).toBe('virbr5');
    expect(def.mac?.address).toBe('52:54:00:0a:0b:0c');
    expect(def.forward).toBeUndefined();
    expect(def.ips[0]?.address).toBe('10.9.0.1');
  });

  it("a replacing file's own bridge name and MAC win", () => {
    const file = `<network>
  <name>lab</name>
  <bridge name='br-lab'/>
  <mac address='52:54:00:99:99:99'/>
</network>
`;
    const def = read(replacingXml(file, xml));
    expect(def.bridge?.name).toBe('br-lab');
    expect(def.mac?.address).toBe('52:54:00:99:99:99');
  });

  it('clones under a new name without UUID, MAC or bridge name', () => {
    const def = read(cloneXml(xml, 'lab-clone'));
    expect(def.name).toBe('lab-clone');
    expect(def.uuid).toBeUndefined();
    expect(def.mac).toBeUndefined();
    expect(def.bridge?.name).toBeUndefined();
    expect(def.ips[0]?.address).toBe('192.168.50.1');
  });
});
