// VMs on a network, in Debian's Chromium against the web shell and the real engine
// (a namespace guest stands in for the VM): the Connect section gives what to paste
// for the network's bridge and turns on unprivileged attach, the list counts the
// ports, the Ports tab shows the guest with its MAC and lease, and Restart says how
// many VMs are attached before it keeps them connected.
import type { Page } from '@playwright/test';
import { expect, playgroundSkipReason, screenshot, test } from './fixtures.js';

const why = playgroundSkipReason();
test.skip(why !== undefined, why);

const row = (page: Page, name: string) => page.locator(`tr[data-name="${name}"]`);
const MAC = '52:54:00:e2:e0:01';
const XML = `<network>
  <name>vms</name>
  <forward mode='nat'/>
  <bridge name='syweb0' stp='off' delay='0'/>
  <ip address='192.168.196.1' netmask='255.255.255.0'>
    <dhcp><range start='192.168.196.10' end='192.168.196.99'/></dhcp>
  </ip>
</network>
`;

test('connect, count, list the ports, open to users, restart keeping the VM', async ({ page, pg }) => {
  expect((await pg.cli(['net-define', '-'], XML)).code).toBe(0);
  expect((await pg.cli(['net-start', 'vms'])).code).toBe(0);
  await page.goto(pg.url);
  const r = row(page, 'vms');
  await expect(r.locator('.badge')).toHaveText('active');
  await expect(r.getByTestId('port-count')).toHaveText('0');
  await r.click();

  const connect = page.getByTestId('connect');
  await expect(connect).toContainText("<source bridge='syweb0'/>");
  await expect(connect).toContainText(
    'virsh attach-interface DOMAIN bridge syweb0 --model virtio --config --live',
  );
  await expect(connect).toContainText('-nic bridge,br=syweb0,model=virtio-net-pci');

  const guest = pg.topo.guests[0]!;
  await pg.topo.plugGuest(guest, 'syweb0', { mac: MAC });
  const lease = await pg.topo.dhcp(guest);
  expect(lease?.ip).toMatch(/^192\.168\.196\./);
  await expect(r.getByTestId('port-count')).toHaveText('1');

  const users = connect.getByLabel('VMs of unprivileged users may attach');
  await users.check();
  await expect(users).toBeChecked();
  await expect(connect).toContainText('Switchyard keeps allow syweb0 in its qemu access list');
  expect((await pg.cli(['net-user-attach', 'vms'])).stdout).toBe('yes\n');
  await screenshot(page, 'connect');

  await page.getByRole('tab', { name: 'Ports' }).click();
  const ports = page.getByRole('table', { name: 'Ports of vms' });
  const port = ports.locator('tr[data-port="vg1"]');
  await expect(port).toContainText(MAC);
  await expect(port).toContainText(lease!.ip);
  await screenshot(page, 'ports');

  await page.getByRole('button', { name: 'Restart', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Restart vms?' });
  await expect(ask).toContainText('1 VM is attached (vg1) to vms');
  await expect(ask).toContainText('plugs it back in');
  await ask.getByRole('button', { name: 'Restart' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Restarting…' })).toBeHidden({ timeout: 30_000 });
  await expect(r.locator('.badge')).toHaveText('active');
  await expect(r.getByTestId('port-count')).toHaveText('1');
  // The guest kept its address and reaches the host without asking again; the new
  // bridge learns its MAC from that traffic (a VM's MAC is known from its QEMU or libvirt).
  expect(await pg.topo.ping(guest, '192.168.196.1')).toBe(true);
  await expect(port).toContainText(MAC);

  expect((await pg.cli(['net-destroy', 'vms'])).code).toBe(0);
  expect((await pg.cli(['net-undefine', 'vms'])).code).toBe(0);
});
