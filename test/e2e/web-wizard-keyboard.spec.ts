// The create wizard with the keyboard only, against the real engine: it opens on Name,
// core's messages (the CLI's) appear beside the field they are about, static-host
// fields are labelled, Esc asks before throwing edits away, IPv4 can be left out (a
// layer-2 network that runs), and the focus lands on the network's row after create
// and on the next row after delete. The pointer is never used.
import type { Locator, Page } from '@playwright/test';
import { expect, playgroundSkipReason, screenshot, test } from './fixtures.js';

const why = playgroundSkipReason();
test.skip(why !== undefined, why);

const row = (page: Page, name: string) => page.locator(`tr[data-name="${name}"]`);
const wizardOf = (page: Page) => page.getByRole('dialog', { name: 'New network' });

/** Presses Tab (Shift+Tab backwards) until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, opts: { back?: boolean } = {}): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Replaces the focused field's text. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

test('a network created with the keyboard alone, core’s messages beside each field', async ({ page, pg }) => {
  await page.goto(pg.url);
  await expect(page.getByRole('region', { name: 'Network list' })).toBeVisible();
  await page.keyboard.press('n');
  const wizard = wizardOf(page);
  await expect(wizard).toBeVisible();
  const name = wizard.getByLabel('Name', { exact: true });
  await expect(name).toBeFocused();
  await page.keyboard.type('kbd');
  await expect(name).toHaveValue('kbd');

  // A domain dnsmasq cannot use: refused with core's message, beside the field.
  const domain = wizard.getByLabel(/^DNS domain/);
  await tabTo(page, domain);
  await page.keyboard.type('bad domain!');
  await expect(domain).toHaveAccessibleDescription(
    "network 'kbd': <domain name='bad domain!'> name 'bad domain!' may contain only letters, digits, '.' and '-' (a DNS name like lab.example)",
  );
  await page.keyboard.press('Enter');
  await expect(wizard.getByText('Fix the marked fields first.')).toBeVisible();
  await screenshot(page, 'wizard-bad-domain');
  await retype(page, 'kbd.test');
  await expect(domain).toHaveAccessibleDescription('');

  // A reversed range: reported at the range, not only under the XML.
  const subnet = await wizard.getByLabel('IPv4 subnet', { exact: true }).inputValue();
  const prefix = subnet.replace(/\.0\/24$/, '');
  const start = wizard.getByLabel('DHCP range start');
  await tabTo(page, start, { back: true });
  await retype(page, `${prefix}.200`);
  await page.keyboard.press('Tab');
  await retype(page, `${prefix}.10`);
  await expect(start).toHaveAccessibleDescription(
    /<range start='[\d.]+' end='[\d.]+'> is reversed: start comes after end$/,
  );
  await retype(page, `${prefix}.250`);
  await expect(start).toHaveAccessibleDescription('');

  // A static host, its fields labelled; the gateway's address is refused.
  await tabTo(page, wizard.getByRole('button', { name: 'Add static host' }));
  await page.keyboard.press('Enter');
  const mac = wizard.getByRole('textbox', { name: 'Static host 1 MAC address' });
  await tabTo(page, mac, { back: true });
  await page.keyboard.type('52:54:00:12:34:56');
  await page.keyboard.press('Tab');
  await expect(wizard.getByRole('textbox', { name: 'Static host 1 IP address' })).toBeFocused();
  await page.keyboard.type(`${prefix}.1`);
  await expect(mac).toHaveAccessibleDescription(
    new RegExp(
      `ip '${prefix.replaceAll('.', '\\.')}\\.1' is the network's own address: the host holds it as the guests' gateway$`,
    ),
  );
  await screenshot(page, 'wizard-gateway-host');
  await retype(page, `${prefix}.50`);
  await page.keyboard.press('Tab');
  await expect(wizard.getByRole('textbox', { name: 'Static host 1 Host name' })).toBeFocused();
  await page.keyboard.type('db');

  // Esc asks before the edits are thrown away; Esc again keeps them.
  await page.keyboard.press('Escape');
  const discard = page.getByRole('dialog', { name: 'Discard the new network?' });
  await expect(discard).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(discard).toBeHidden();
  await expect(wizard).toBeVisible();
  await expect(wizard.getByRole('textbox', { name: 'Static host 1 Host name' })).toBeFocused();
  await expect(wizard.getByRole('textbox', { name: 'Static host 1 Host name' })).toHaveValue('db');

  // Enter in a field submits; the focus goes to the new network's row.
  await page.keyboard.press('Enter');
  await expect(wizard).toBeHidden();
  await expect(row(page, 'kbd')).toBeFocused();
  await expect(row(page, 'kbd').locator('.badge')).toHaveText('active');
  const xml = (await pg.cli(['net-dumpxml', 'kbd'])).stdout;
  expect(xml).toContain(`<host mac='52:54:00:12:34:56' name='db' ip='${prefix}.50'/>`);
  expect(xml).toContain(`<range start='${prefix}.200' end='${prefix}.250'/>`);
});

test('IPv4 left out makes a layer-2 network that runs; delete moves the focus to the next row', async ({
  page,
  pg,
}) => {
  await page.goto(pg.url);
  await expect(row(page, 'kbd')).toBeVisible();
  await page.keyboard.press('n');
  const wizard = wizardOf(page);
  await expect(wizard.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('l2only');
  // Into the mode radios (Tab lands on the checked one), down to Isolated.
  await tabTo(page, wizard.getByRole('radio', { name: /^NAT/ }));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(wizard.getByRole('radio', { name: /^Isolated/ })).toBeChecked();
  const ipv4 = wizard.getByRole('checkbox', { name: 'IPv4', exact: true });
  await tabTo(page, ipv4);
  await page.keyboard.press('Space');
  await expect(ipv4).not.toBeChecked();
  await expect(wizard.getByLabel('IPv4 subnet', { exact: true })).toHaveCount(0);
  await expect(wizard.getByText('Valid: net-define would accept this.')).toBeVisible();
  await tabTo(page, wizard.getByRole('button', { name: 'Create and start' }));
  await page.keyboard.press('Enter');
  await expect(wizard).toBeHidden();
  await expect(row(page, 'l2only')).toBeFocused();
  await expect(row(page, 'l2only').locator('.badge')).toHaveText('active');
  expect((await pg.cli(['net-dumpxml', 'l2only'])).stdout).not.toContain('<ip');
  const bridge = /Bridge:\s+(\S+)/.exec((await pg.cli(['net-info', 'l2only'])).stdout)?.[1];
  // The engine runs it: its bridge is up in the host namespace.
  const link = await pg.topo.runInHost('ip', ['-json', 'link', 'show', 'dev', bridge ?? '']);
  expect(link.code, link.stderr).toBe(0);
  expect(JSON.parse(link.stdout)[0]?.flags).toContain('UP');

  // Delete from the focused row: the confirmation takes Enter, the focus goes to the row selected next.
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: 'Stop and delete l2only?' });
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(row(page, 'l2only')).toHaveCount(0);
  const selected = page.locator('tr[data-name][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  await expect(selected).toBeFocused();

  // With nothing edited Esc closes at once; with edits and Discard nothing is created.
  await page.keyboard.press('n');
  await expect(wizard).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(wizard).toBeHidden();
  await expect(selected).toBeFocused();
  await page.keyboard.press('n');
  await page.keyboard.type('thrown-away');
  await page.keyboard.press('Escape');
  const discard = page.getByRole('dialog', { name: 'Discard the new network?' });
  await expect(discard.getByRole('button', { name: 'Discard' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(wizard).toBeHidden();
  await expect(selected).toBeFocused();
  await expect(row(page, 'thrown-away')).toHaveCount(0);
  expect((await pg.cli(['net-delete', 'kbd'])).code).toBe(0);
});
