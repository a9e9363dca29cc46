import { describe, expect, it } from 'vitest';
import { connectSnippets, withUnprivilegedAttach } from '../../../core/guests/index.js';
import { network } from '../plan/fixtures.js';

describe('what to paste to connect a VM', () => {
  it("gives the libvirt <interface>, virsh's line and QEMU's -nic for the network's bridge", () => {
    expect(connectSnippets(network('nat'), 'virbr7')).toEqual({
      network: 'lab',
      bridge: 'virbr7',
      libvirtXml:
        "<interface type='bridge'>\n  <source bridge='virbr7'/>\n  <model type='virtio'/>\n</interface>\n",
      virshAttach: 'virsh attach-interface DOMAIN bridge virbr7 --model virtio --config --live',
      qemuNic: '-nic bridge,br=virbr7,model=virtio-net-pci',
      unprivilegedAttach: false,
      aclLine: 'allow virbr7',
    });
  });

  it("asks libvirt to isolate the VM's tap on a network with <port isolated='yes'/>", () => {
    const s = connectSnippets(network('nat', { port: { isolated: 'yes' } }), 'virbr7');
    expect(s.libvirtXml).toContain("  <model type='virtio'/>\n  <port isolated='yes'/>\n</interface>");
  });

  it('says whether unprivileged users may attach, and quotes an unusual bridge name', () => {
    const s = connectSnippets(withUnprivilegedAttach(network('nat'), true), "br'x$");
    expect(s.unprivilegedAttach).toBe(true);
    expect(s.libvirtXml).toContain("<source bridge='br&apos;x$'/>");
    expect(s.virshAttach).toBe(
      `virsh attach-interface DOMAIN bridge 'br'\\''x$' --model virtio --config --live`,
    );
  });
});
