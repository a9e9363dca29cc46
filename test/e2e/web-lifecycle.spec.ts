// The flow, in Debian's Chromium against the web shell and the real engine:
// create a NAT network in the wizard -> start -> a guest gets a lease -> the list
// shows it active -> open the XML, introduce an error -> the marker is on the right
// line -> fix -> Apply -> Restart -> delete.
import type { Page } from '@playwright/test';
import { expect, playgroundSkipReason, screenshot, test } from './fixtures.js';

const why = playgroundSkipReason();
test.skip(why !== undefined, why);

const row = (page: Page, name: string) => page.locator(`tr[data-name="${name}"]`);

test('create, lease, edit with lint, apply, restart, delete', async ({ page, pg }) => {
  await page.goto(pg.url);
  await expect(page.getByRole('heading', { name: 'No networks yet' })).toBeVisible();
  await screenshot(page, 'empty-state');

  // The wizard: first free name, a free subnet, the XML beside the form.
  await page.getByRole('button', { name: 'New network', exact: true }).click();
  const wizard = page.getByRole('dialog', { name: 'New network' });
  await expect(wizard.getByLabel('Name')).toHaveValue('network');
  // What only core checks comes back with core's (the CLI's) own message.
  await wizard.getByLabel('Name').fill('e2e/nat');
  await expect(wizard.getByTestId('wizard-core-error')).toContainText("may not contain '/'");
  await wizard.getByLabel('Name').fill('e2e-nat');
  await expect(wizard.getByText('Valid: net-define would accept this.')).toBeVisible();
  const subnet = await wizard.getByLabel('IPv4 subnet').inputValue();
  expect(subnet).toMatch(/^\d+\.\d+\.\d+\.0\/24$/);
  await expect(wizard.getByLabel('DHCP range start')).toHaveValue(subnet.replace(/0\/24$/, '2'));
  await expect(wizard.locator('pre.xml')).toContainText("<forward mode='nat'/>");
  await screenshot(page, 'wizard');
  await wizard.getByRole('button', { name: 'Create and start' }).click();
  await expect(wizard).toBeHidden({ timeout: 30_000 });

  const r = row(page, 'e2e-nat');
  await expect(r.locator('.badge')).toHaveText('active');
  const bridge = ((await r.locator('td').nth(5).textContent()) ?? '').trim();
  expect(bridge).toMatch(/^virbr\d+$/);

  // A guest plugs in and takes a lease; the lease count follows the lease file.
  const guest = pg.topo.guests[0]!;
  await pg.topo.plugGuest(guest, bridge);
  const lease = await pg.topo.dhcp(guest);
  expect(lease?.ip.startsWith(subnet.replace(/0\/24$/, ''))).toBe(true);
  await expect(r.locator('td').nth(7)).toHaveText('1');
  await expect(page.getByRole('table', { name: 'DHCP leases of e2e-nat' })).toContainText(lease!.ip);
  await screenshot(page, 'list');

  // Stop says how many VMs it cuts off; Cancel leaves the network running.
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  const stopAsk = page.getByRole('dialog', { name: 'Stop e2e-nat?' });
  await expect(stopAsk).toContainText('1 VM is attached (vg1) to e2e-nat.');
  await screenshot(page, 'stop-attached');
  await stopAsk.getByRole('button', { name: 'Cancel' }).click();
  await expect(r.locator('.badge')).toHaveText('active');

  // The XML editor: an error gets a marker on its own line.
  await page.getByRole('tab', { name: 'XML' }).click();
  const editor = page.getByRole('textbox', { name: 'Network XML of e2e-nat' });
  await expect(editor).toContainText('<range');
  const saved = await page.evaluate(async (name) => {
    const api = (
      window as unknown as { api: { invoke(c: string, i: unknown): Promise<{ value: { saved: string } }> } }
    ).api;
    return (await api.invoke('networks.xml', { name })).value.saved;
  }, 'e2e-nat');
  const rangeLine = saved.split('\n').findIndex((l) => l.includes('<range')) + 1;
  const broken = saved.replace(/end='[^']+'/, "end='10.99.0.1'");
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(broken);
  const marked = page.locator('.cm-line').filter({ has: page.locator('.cm-lintRange-error') });
  await expect(marked).toHaveCount(1);
  const markedLine = await marked.evaluate(
    (el) => Array.prototype.indexOf.call(el.parentElement!.children, el) + 1,
  );
  expect(markedLine).toBe(rangeLine);
  await expect(page.getByTestId('lint-status')).toContainText(`(line ${rangeLine}:`);
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await screenshot(page, 'editor-error');

  // Fix (a smaller range, so there is something to apply), diff, Apply, Restart.
  const fixed = saved.replace(/end='([^']+)\.\d+'/, "end='$1.200'");
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(fixed);
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);
  await expect(page.getByTestId('lint-status')).toHaveText('Valid · unsaved changes');
  await page.getByRole('button', { name: 'Diff vs saved' }).click();
  await expect(page.locator('.cm-deletedChunk')).toHaveCount(1);
  await screenshot(page, 'editor-diff');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('keeps running with its previous definition')).toBeVisible();
  await expect(r.locator('.pending')).toBeVisible();
  await screenshot(page, 'editor-applied');
  await page.getByRole('button', { name: 'Restart now' }).click();
  // The guest is still plugged in: the restart says so first, and that it comes back.
  const restartAsk = page.getByRole('dialog', { name: 'Restart e2e-nat?' });
  await expect(restartAsk).toContainText('1 VM is attached (vg1)');
  await expect(restartAsk).toContainText('plugs it back in');
  await restartAsk.getByRole('button', { name: 'Restart' }).click();
  await expect(page.getByText('keeps running with its previous definition')).toBeHidden({ timeout: 30_000 });
  await expect(r.locator('.badge')).toHaveText('active');
  await expect(r.locator('.pending')).toHaveCount(0);

  // Delete a running network: stop, then delete.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Stop and delete e2e-nat?' });
  await confirm.getByRole('button', { name: 'Stop and delete' }).click();
  await expect(r).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'No networks yet' })).toBeVisible();
});

test('a change made with the CLI shows up in the open window without a reload', async ({ page, pg }) => {
  await page.goto(pg.url);
  await expect(page.locator('#app')).not.toBeEmpty();
  const xml = "<network><name>from-cli</name><ip address='10.77.0.1' netmask='255.255.255.0'/></network>\n";
  const file = `${pg.topo.dirs.root}/from-cli.xml`;
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, xml);
  expect((await pg.cli(['net-define', file])).code).toBe(0);
  // From the moment the CLI has written the definition, not from its (slow) Node start-up;
  // a figure, not a gate: a busy machine may take longer.
  const t0 = Date.now();
  await expect(row(page, 'from-cli')).toBeVisible();
  console.log(`the CLI's network appeared in the window after ${Date.now() - t0} ms`);
  await expect(row(page, 'from-cli').locator('td').nth(4)).toHaveText('Isolated');
  expect((await pg.cli(['net-start', 'from-cli'])).code).toBe(0);
  await expect(row(page, 'from-cli').locator('.badge')).toHaveText('active');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'list-dark');
  expect((await pg.cli(['net-destroy', 'from-cli'])).code).toBe(0);
  expect((await pg.cli(['net-undefine', 'from-cli'])).code).toBe(0);
  await expect(row(page, 'from-cli')).toHaveCount(0);
});

test('a network whose bridge vanished shows as needing repair, and the next root command repairs it', async ({
  page,
  pg,
}) => {
  const xml =
    "<network><name>vanish</name><bridge name='syvanish0'/><ip address='10.78.0.1' netmask='255.255.255.0'/></network>\n";
  const file = `${pg.topo.dirs.root}/vanish.xml`;
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, xml);
  expect((await pg.cli(['net-define', file])).code).toBe(0);
  expect((await pg.cli(['net-start', 'vanish'])).code).toBe(0);
  // Somebody else deletes the bridge; the app reads without privileges and cannot repair.
  await pg.topo.runInHost('ip', ['link', 'del', 'syvanish0']);
  await page.goto(pg.url);
  const badge = row(page, 'vanish').locator('.badge');
  await expect(badge).toHaveText('needs repair');
  await expect(badge).toHaveAttribute('title', 'its bridge syvanish0 is gone');
  await screenshot(page, 'list-needs-repair');
  // Any command as root reconciles first: the rest of the network is cleaned up.
  expect((await pg.cli(['net-list'])).code).toBe(0);
  await expect(badge).toHaveText('inactive');
  expect((await pg.cli(['net-undefine', 'vanish'])).code).toBe(0);
  await expect(row(page, 'vanish')).toHaveCount(0);
});

test('a bad token is refused, for the page and for the socket', async ({ page, pg }) => {
  const bad = pg.url.replace(/token=[^&]+/, 'token=not-the-token');
  const res = await page.goto(bad);
  expect(res?.status()).toBe(403);
  await page.goto(pg.url);
  const socket = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/ws?token=not-the-token`);
        ws.onopen = () => resolve('open');
        ws.onerror = () => resolve('refused');
      }),
  );
  expect(socket).toBe('refused');
});

test('a start that collides with a host subnet names the interface and the offered fix works', async ({
  page,
  pg,
}) => {
  const xml = `<network>
  <name>clash</name>
  <forward mode='nat'/>
  <ip address='203.0.113.65' netmask='255.255.255.192'>
    <dhcp>
      <range start='203.0.113.70' end='203.0.113.90'/>
    </dhcp>
  </ip>
</network>
`;
  const file = `${pg.topo.dirs.root}/clash.xml`;
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, xml);
  expect((await pg.cli(['net-define', file])).code).toBe(0);
  await page.goto(pg.url);
  await row(page, 'clash').click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Starting' });
  await expect(alert).toContainText('Subnet 203.0.113.64/26 is already used by interface uplink.');
  await expect(row(page, 'clash').locator('.badge')).toHaveText('inactive');
  const fix = alert.getByRole('button', { name: /^Move to (\S+) and start$/ });
  const target = (await fix.textContent())?.match(/Move to (\S+) and start/)?.[1];
  await screenshot(page, 'error-advice');
  await fix.click();
  await expect(row(page, 'clash').locator('.badge')).toHaveText('active', { timeout: 30_000 });
  await expect(row(page, 'clash').locator('td').nth(6)).toHaveText(target!);
  expect((await pg.cli(['net-destroy', 'clash'])).code).toBe(0);
  expect((await pg.cli(['net-undefine', 'clash'])).code).toBe(0);
});

test('import a libvirt file, open it with the keyboard, export it, clone it through the editor', async ({
  page,
  pg,
}) => {
  await page.goto(pg.url);
  await expect(page.locator('#app')).not.toBeEmpty();
  // A file as libvirt writes it under /etc/libvirt/qemu/networks.
  const libvirtXml = `<!--
WARNING: THIS IS AN AUTO-GENERATED FILE. CHANGES TO IT ARE LIKELY TO BE
OVERWRITTEN AND LOST. Changes to this xml configuration should be made using:
  virsh net-edit imported
-->

<network>
  <name>imported</name>
  <uuid>0b9e5e7c-3c5e-4b0e-9b7b-6f3f1c2d4e5f</uuid>
  <forward mode='nat'/>
  <bridge name='virbr7' stp='on' delay='0'/>
  <mac address='52:54:00:12:34:56'/>
  <ip address='192.168.140.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.140.2' end='192.168.140.254'/>
    </dhcp>
  </ip>
</network>
`;
  await page.getByLabel('Import network XML files').setInputFiles({
    name: 'imported.xml',
    mimeType: 'application/xml',
    buffer: Buffer.from(libvirtXml),
  });
  await expect(row(page, 'imported')).toBeVisible();
  await expect(row(page, 'imported').locator('td').nth(6)).toHaveText('192.168.140.0/24');

  // Keyboard: focus the row, Enter opens its XML.
  await row(page, 'imported').click();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'XML' })).toHaveAttribute('aria-selected', 'true');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export XML' }).click();
  expect((await download).suggestedFilename()).toBe('imported.xml');

  await page.getByRole('button', { name: 'Clone…' }).click();
  await expect(page.getByRole('heading', { name: /New network from XML/ })).toContainText('imported-clone');
  const editor = page.getByRole('textbox', { name: 'Network XML of imported-clone' });
  await expect(editor).toContainText('<name>imported-clone</name>');
  await expect(editor).not.toContainText('0b9e5e7c');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(row(page, 'imported-clone')).toBeVisible();
  expect((await pg.cli(['net-undefine', 'imported-clone'])).code).toBe(0);
  expect((await pg.cli(['net-undefine', 'imported'])).code).toBe(0);
  await expect(row(page, 'imported')).toHaveCount(0);
});
