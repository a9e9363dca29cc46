// The Settings tab: a form over the saved definition. Each field goes through core
// (the CLI's messages), Apply saves it (applies at next start, Restart now), static
// and DNS hosts go through net-update live, and edits survive a change underneath.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Playground } from '../playground/playground.js';
import { expect, playgroundSkipReason, screenshot, test } from './fixtures.js';

const why = playgroundSkipReason();
test.skip(why !== undefined, why);

const row = (page: Page, name: string) => page.locator(`tr[data-name="${name}"]`);

function netXml(name: string, third: number, mode: 'nat' | 'isolated' = 'nat'): string {
  return `<network>
  <name>${name}</name>
${mode === 'nat' ? "  <forward mode='nat'/>\n" : ''}  <ip address='10.${third}.0.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='10.${third}.0.10' end='10.${third}.0.99'/>
    </dhcp>
  </ip>
</network>
`;
}

async function defineAndStart(pg: Playground, name: string, third: number): Promise<void> {
  const file = `${pg.topo.dirs.root}/${name}.xml`;
  writeFileSync(file, netXml(name, third));
  expect((await pg.cli(['net-define', file])).code).toBe(0);
  expect((await pg.cli(['net-start', name])).code).toBe(0);
}

async function openSettings(page: Page, pg: Playground, name: string) {
  await page.goto(pg.url);
  await row(page, name).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  const form = page.getByRole('form', { name: `Settings of ${name}` });
  await expect(form.getByLabel('IPv4 address / prefix')).not.toHaveValue('');
  return form;
}

test('fields go through core with the CLI’s messages; Apply saves for the next start; Restart now applies', async ({
  page,
  pg,
}) => {
  await defineAndStart(pg, 'form', 91);
  const form = await openSettings(page, pg, 'form');
  const status = page.getByTestId('settings-status');
  await expect(status).toHaveText('Saved');

  await form.getByLabel('MTU').fill('1400');
  await form.getByLabel('Range end').fill('10.91.0.5');
  // The very message net-validate prints for the same definition (the form has no lines to point at).
  const reversed = `${pg.topo.dirs.root}/reversed.xml`;
  writeFileSync(reversed, netXml('form', 91).replace("end='10.91.0.99'", "end='10.91.0.5'"));
  const cliMessage = (await pg.cli(['net-validate', reversed])).stderr
    .trim()
    .replace(/^error: /, '')
    .replace(/ \(line \d+:\d+\)/, '');
  expect(cliMessage).toContain('10.91.0.5');
  await expect(status).toHaveText(cliMessage);
  await expect(form.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await screenshot(page, 'settings-error');

  await form.getByLabel('Range end').fill('10.91.0.50');
  await expect(status).toHaveText('Valid · unsaved changes · applies at next start');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form.getByText('the saved one applies at the next start')).toBeVisible();
  const saved = (await pg.cli(['net-dumpxml', 'form', '--inactive'])).stdout;
  expect(saved).toContain("<mtu size='1400'/>");
  expect(saved).toContain("<range start='10.91.0.10' end='10.91.0.50'/>");
  expect((await pg.cli(['net-dumpxml', 'form'])).stdout).not.toContain('<mtu');
  await expect(row(page, 'form').locator('.pending')).toBeVisible();
  await screenshot(page, 'settings-applied');

  await form.getByRole('button', { name: 'Restart now' }).click();
  await expect(form.getByText('the saved one applies at the next start')).toBeHidden();
  await expect(row(page, 'form').locator('.pending')).toHaveCount(0);
  expect((await pg.cli(['net-dumpxml', 'form'])).stdout).toContain("<mtu size='1400'/>");

  // The Overview shows what the form set.
  await page.getByRole('tab', { name: 'Overview' }).click();
  const facts = page.getByTestId('overview-facts');
  await expect(facts).toContainText('10.91.0.10 – 10.91.0.50');
  await expect(facts).toContainText('MTU1400');
  expect((await pg.cli(['net-delete', 'form'])).code).toBe(0);
});

test('static and DNS hosts are reserved and removed live, with core’s message for a duplicate', async ({
  page,
  pg,
}) => {
  await defineAndStart(pg, 'hosts', 92);
  const form = await openSettings(page, pg, 'hosts');
  const list = page.getByRole('region', { name: 'Static DHCP hosts' });
  const reserve = async (mac: string, ip: string, name: string) => {
    await list.getByRole('textbox', { name: 'MAC' }).fill(mac);
    await list.getByRole('textbox', { name: 'IP' }).fill(ip);
    await list.getByRole('textbox', { name: 'Name' }).fill(name);
    await list.getByRole('button', { name: 'Reserve', exact: true }).click();
  };
  await reserve('52:54:00:00:92:01', '10.92.0.5', 'db');
  await expect(list.getByRole('table')).toContainText('52:54:00:00:92:01');
  // Live and saved at once, without a restart.
  expect((await pg.cli(['net-dumpxml', 'hosts'])).stdout).toContain(
    "<host mac='52:54:00:00:92:01' name='db' ip='10.92.0.5'/>",
  );
  expect((await pg.cli(['net-dumpxml', 'hosts', '--inactive'])).stdout).toContain("ip='10.92.0.5'");
  await reserve('52:54:00:00:92:02', '10.92.0.5', 'web');
  await expect(list.getByRole('alert')).toContainText('matches an existing dhcp <host> by mac, name or ip');

  const dns = page.getByRole('region', { name: 'DNS hosts' });
  await dns.getByRole('textbox', { name: 'IP' }).fill('10.92.0.5');
  await dns.getByRole('textbox', { name: 'Host names' }).fill('db db.lab');
  await dns.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dns.getByRole('table')).toContainText('db db.lab');
  expect((await pg.cli(['net-dumpxml', 'hosts'])).stdout).toContain('<hostname>db.lab</hostname>');
  await screenshot(page, 'settings-hosts');

  await list.getByRole('button', { name: 'Unreserve 52:54:00:00:92:01 10.92.0.5 db' }).click();
  await expect(list.getByRole('table')).not.toContainText('52:54:00:00:92:01');
  expect((await pg.cli(['net-dumpxml', 'hosts'])).stdout).not.toContain('52:54:00:00:92:01');
  await expect(form.getByRole('button', { name: 'Apply' })).toBeDisabled();
  expect((await pg.cli(['net-delete', 'hosts'])).code).toBe(0);
});

test('form edits survive a tab switch and a change underneath; keep mine applies them on top', async ({
  page,
  pg,
}) => {
  await defineAndStart(pg, 'under', 93);
  const form = await openSettings(page, pg, 'under');
  await form.getByLabel('DNS domain').fill('under.test');
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(form.getByLabel('DNS domain')).toHaveValue('under.test');
  const host = "<host mac='52:54:00:00:93:01' ip='10.93.0.7'/>";
  expect((await pg.cli(['net-update', 'under', 'add', 'ip-dhcp-host', host, '--config'])).code).toBe(0);
  const banner = page.getByTestId('settings-changed-underneath');
  await expect(banner).toBeVisible();
  await expect(form.getByLabel('DNS domain')).toHaveValue('under.test');
  await banner.getByRole('button', { name: 'Keep mine' }).click();
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('settings-status')).toHaveText('Saved');
  const saved = (await pg.cli(['net-dumpxml', 'under', '--inactive'])).stdout;
  expect(saved).toContain("<domain name='under.test'/>");
  expect(saved).toContain("ip='10.93.0.7'");
  expect((await pg.cli(['net-delete', 'under'])).code).toBe(0);
});
