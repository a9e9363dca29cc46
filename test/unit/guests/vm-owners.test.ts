// Which VM a tap belongs to, from libvirt's domain status files: a running domain's
// <domstatus> wraps its live <domain>, whose interfaces name their tap and MAC.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { libvirtOwners } from '../../../host/readers/vm-owners.js';

const status = (
  name: string,
  pid: number,
  nics: [string, string][],
) => `<domstatus state='running' reason='booted' pid='${pid}'>
  <monitor path='/var/lib/libvirt/qemu/domain-1-${name}/monitor.sock' type='unix'/>
  <domain type='kvm' id='1'>
    <name>${name}</name>
    <devices>
${nics.map(([tap, mac]) => `      <interface type='bridge'>\n        <mac address='${mac}'/>\n        <source bridge='virbr7'/>\n        <target dev='${tap}'/>\n        <model type='virtio'/>\n      </interface>`).join('\n')}
    </devices>
  </domain>
</domstatus>
`;

describe("libvirt's domain status files", () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('map each tap to its domain, with the guest MAC and the QEMU PID', () => {
    dir = mkdtempSync(join(tmpdir(), 'sy-libvirt-'));
    writeFileSync(
      join(dir, 'web.xml'),
      status('web', 4242, [
        ['vnet3', '52:54:00:AA:00:03'],
        ['vnet4', '52:54:00:aa:00:04'],
      ]),
    );
    writeFileSync(join(dir, 'db.xml'), status('db', 77, [['vnet9', '52:54:00:aa:00:09']]));
    writeFileSync(join(dir, 'broken.xml'), '<domstatus><domain>');
    writeFileSync(join(dir, 'notes.txt'), 'not a status file');
    expect(Object.fromEntries(libvirtOwners([dir, join(dir, 'missing')]))).toEqual({
      vnet3: { name: 'web', source: 'libvirt', pid: 4242, mac: '52:54:00:aa:00:03' },
      vnet4: { name: 'web', source: 'libvirt', pid: 4242, mac: '52:54:00:aa:00:04' },
      vnet9: { name: 'db', source: 'libvirt', pid: 77, mac: '52:54:00:aa:00:09' },
    });
  });
});
