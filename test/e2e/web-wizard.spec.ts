// The create wizard against the real engine: one call creates, autostarts and starts;
// a start that fails creates nothing, and the offered fix goes into the form.
import type { Page } from '@playwright/test';
import { expect, playgroundSkipReason, test } from './fixtures.js';

const why = playgroundSkipReason();
test.skip(why !== undefined, why);

const row = (page: Page, name: string) => page.locator(`tr[data-name="${name}"]`);

test('a create whose start collides creates nothing; the offered free subnet goes into the form and works', async ({
  page,
  pg,
}) => {
  await page.goto(pg.url);
  await page.getByRole('button', { name: 'New network', exact: true }).click();
  const wizard = page.getByRole('dialog', { name: 'New network' });
  await wizard.getByLabel('Name').fill('collides');
  // The playground's uplink holds 203.0.113.1/24.
  await wizard.getByLabel('IPv4 subnet').fill('203.0.113.0/24');
  await wizard.getByLabel('Autostart at boot').check();
  await expect(wizard.getByText(/overlaps 203\.0\.113\.0\/24/)).toBeVisible();
  await wizard.getByRole('button', { name: 'Create and start' }).click();
  const failure = wizard.getByRole('alert').filter({ hasText: 'Nothing was created.' });
  await expect(failure).toContainText('Subnet 203.0.113.0/24 is already used by interface uplink.');
  await expect(row(page, 'collides')).toHaveCount(0);
  expect((await pg.cli(['net-list', '--all', '--name'])).stdout).not.toContain('collides');
  const fix = failure.getByRole('button', { name: /^Use \S+$/ });
  const subnet = ((await fix.textContent()) ?? '').replace(/^Use /, '').trim();
  await fix.click();
  await expect(wizard.getByLabel('IPv4 subnet')).toHaveValue(subnet);
  await wizard.getByRole('button', { name: 'Create and start' }).click();
  await expect(wizard).toBeHidden();
  await expect(row(page, 'collides').locator('.badge')).toHaveText('active');
  await expect(row(page, 'collides').locator('td').nth(2)).toHaveText('yes');
  expect((await pg.cli(['net-delete', 'collides'])).code).toBe(0);
  await expect(row(page, 'collides')).toHaveCount(0);
});

test('the uplink picker lists only interfaces that can be an uplink, saying what each is', async ({
  page,
  pg,
}) => {
  const file = `${pg.topo.dirs.root}/upl.xml`;
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    file,
    "<network><name>upl</name><ip address='10.95.0.1' netmask='255.255.255.0'/></network>\n",
  );
  expect((await pg.cli(['net-define', file])).code).toBe(0);
  expect((await pg.cli(['net-start', 'upl'])).code).toBe(0);
  const bridge = (await pg.cli(['net-info', 'upl'])).stdout.match(/Bridge:\s+(\S+)/)?.[1] ?? '';
  // A guest's port on the bridge: enslaved, so never an uplink.
  await pg.topo.plugGuest(pg.topo.guests[0]!, bridge);
  await page.goto(pg.url);
  await page.getByRole('button', { name: 'New network', exact: true }).click();
  const wizard = page.getByRole('dialog', { name: 'New network' });
  const select = wizard.getByLabel('Uplink');
  // The inventory arrives from main after the wizard opens.
  await expect(select.locator('option')).not.toHaveCount(1);
  const options = (await select.locator('option').allTextContents()).map((t) => t.trim());
  expect(options[0]).toBe('Any interface (follow the host’s routes)');
  expect(options).toContain('uplink — veth, 10 Gb/s, default route');
  expect(options.some((o) => o.startsWith(`${bridge} `))).toBe(false);
  expect(options.some((o) => o.startsWith('vg1 '))).toBe(false);
  expect(options.some((o) => o.startsWith('lo '))).toBe(false);
  await wizard.getByRole('button', { name: 'Cancel' }).click();
  await pg.topo.unplugGuest(pg.topo.guests[0]!);
  expect((await pg.cli(['net-delete', 'upl'])).code).toBe(0);
});
