// The editor never loses the user's work: a change to another network, a tab switch,
// or a change to the same network made from a terminal while the user types.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { Playground } from '../playground/playground.js';
import { expect, playgroundSkipReason, screenshot, test } from './fixtures.js';

const why = playgroundSkipReason();
test.skip(why !== undefined, why);

const row = (page: Page, name: string) => page.locator(`tr[data-name="${name}"]`);

function netXml(name: string, third: number): string {
  return `<network>
  <name>${name}</name>
  <ip address='10.${third}.0.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='10.${third}.0.10' end='10.${third}.0.99'/>
    </dhcp>
  </ip>
</network>
`;
}

async function define(pg: Playground, name: string, third: number): Promise<void> {
  const file = `${pg.topo.dirs.root}/${name}.xml`;
  writeFileSync(file, netXml(name, third));
  expect((await pg.cli(['net-define', file])).code).toBe(0);
}

async function undefine(pg: Playground, ...names: string[]): Promise<void> {
  for (const n of names) expect((await pg.cli(['net-undefine', n])).code).toBe(0);
}

/** The saved text, as the editor shows it (with the UUID and bridge define filled in). */
function savedXml(page: Page, name: string): Promise<string> {
  return page.evaluate(async (n) => {
    const api = (
      window as unknown as { api: { invoke(c: string, i: unknown): Promise<{ value: { saved: string } }> } }
    ).api;
    return (await api.invoke('networks.xml', { name: n })).value.saved;
  }, name);
}

/** Replaces the editor's whole text, as a user pasting would. */
async function typeXml(page: Page, name: string, text: string): Promise<void> {
  await page.getByRole('textbox', { name: `Network XML of ${name}` }).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

const addHostFromCli = (pg: Playground, name: string, ip: string) =>
  pg.cli([
    'net-update',
    name,
    'add',
    'ip-dhcp-host',
    `<host mac='52:54:00:aa:bb:01' ip='${ip}'/>`,
    '--config',
  ]);

async function openXml(page: Page, pg: Playground, name: string): Promise<void> {
  await page.goto(pg.url);
  await row(page, name).click();
  await page.getByRole('tab', { name: 'XML' }).click();
  await expect(page.getByRole('textbox', { name: `Network XML of ${name}` })).toContainText('<range');
}

test('edits survive another network changing, a tab switch, and a change underneath; keep mine applies them', async ({
  page,
  pg,
}) => {
  await define(pg, 'mine', 81);
  await define(pg, 'other', 82);
  await openXml(page, pg, 'mine');
  const editor = page.getByRole('textbox', { name: 'Network XML of mine' });
  await typeXml(page, 'mine', (await savedXml(page, 'mine')).replace("end='10.81.0.99'", "end='10.81.0.50'"));
  await expect(page.getByTestId('lint-status')).toHaveText('Valid · unsaved changes');

  // Another network changes from a terminal: the list follows, the editor keeps the text.
  expect((await pg.cli(['net-autostart', 'other'])).code).toBe(0);
  await expect(row(page, 'other').locator('td').nth(2)).toHaveText('yes');
  await expect(editor).toContainText("end='10.81.0.50'");
  await expect(page.getByTestId('changed-underneath')).toHaveCount(0);

  // Another tab and back.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('tab', { name: 'XML' }).click();
  await expect(editor).toContainText("end='10.81.0.50'");
  await expect(page.getByTestId('lint-status')).toHaveText('Valid · unsaved changes');

  // The same network changes underneath: the user is told and chooses.
  expect((await addHostFromCli(pg, 'mine', '10.81.0.5')).code).toBe(0);
  const banner = page.getByTestId('changed-underneath');
  await expect(banner).toContainText('The saved definition of mine changed while you were editing');
  await expect(editor).toContainText("end='10.81.0.50'");
  await expect(editor).not.toContainText('52:54:00:aa:bb:01');
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await banner.getByRole('button', { name: 'Show the diff' }).click();
  // Theirs has the host line mine lacks: the diff shows it as deleted.
  await expect(page.locator('.cm-deletedChunk')).toContainText('52:54:00:aa:bb:01');
  await screenshot(page, 'editor-changed-underneath');
  await banner.getByRole('button', { name: 'Keep mine' }).click();
  await expect(banner).toHaveCount(0);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('lint-status')).toHaveText('Valid · saved');
  const dumped = (await pg.cli(['net-dumpxml', 'mine'])).stdout;
  expect(dumped).toContain("end='10.81.0.50'");
  expect(dumped).not.toContain('52:54:00:aa:bb:01');
  await undefine(pg, 'mine', 'other');
});

test('take theirs replaces the edits with the definition saved from a terminal', async ({ page, pg }) => {
  await define(pg, 'theirs', 83);
  await openXml(page, pg, 'theirs');
  const editor = page.getByRole('textbox', { name: 'Network XML of theirs' });
  await typeXml(
    page,
    'theirs',
    (await savedXml(page, 'theirs')).replace("end='10.83.0.99'", "end='10.83.0.50'"),
  );
  expect((await addHostFromCli(pg, 'theirs', '10.83.0.5')).code).toBe(0);
  await page.getByTestId('changed-underneath').getByRole('button', { name: 'Take theirs' }).click();
  await expect(editor).toContainText('52:54:00:aa:bb:01');
  await expect(editor).toContainText("end='10.83.0.99'");
  await expect(page.getByTestId('lint-status')).toHaveText('Valid · saved');
  await undefine(pg, 'theirs');
});

test('an editor without edits follows a change made from a terminal', async ({ page, pg }) => {
  await define(pg, 'follow', 84);
  await openXml(page, pg, 'follow');
  expect((await addHostFromCli(pg, 'follow', '10.84.0.5')).code).toBe(0);
  await expect(page.getByRole('textbox', { name: 'Network XML of follow' })).toContainText(
    '52:54:00:aa:bb:01',
  );
  await expect(page.getByText('changed outside this editor')).toBeVisible();
  await expect(page.getByTestId('changed-underneath')).toHaveCount(0);
  await undefine(pg, 'follow');
});

const importInput = (page: Page) => page.getByLabel('Import network XML files');
const xmlFile = (name: string, text: string) => ({
  name,
  mimeType: 'application/xml',
  buffer: Buffer.from(text),
});

test('importing a file named like an existing network asks: cancel, import as a copy, or replace keeping its identity', async ({
  page,
  pg,
}) => {
  await define(pg, 'dup', 85);
  const uuid = (await pg.cli(['net-uuid', 'dup'])).stdout.trim();
  const before = (await pg.cli(['net-dumpxml', 'dup'])).stdout;
  await page.goto(pg.url);
  await expect(row(page, 'dup')).toBeVisible();
  const file = xmlFile('dup.xml', netXml('dup', 86));
  const ask = page.getByRole('dialog', { name: 'A network named dup already exists' });

  await importInput(page).setInputFiles(file);
  await expect(ask).toBeVisible();
  await screenshot(page, 'import-collision');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();
  expect((await pg.cli(['net-dumpxml', 'dup'])).stdout).toBe(before);
  await expect(row(page, 'dup-copy')).toHaveCount(0);

  await importInput(page).setInputFiles(file);
  await ask.getByRole('button', { name: 'Import as dup-copy' }).click();
  await expect(row(page, 'dup-copy').locator('td').nth(6)).toHaveText('10.86.0.0/24');
  await expect(row(page, 'dup').locator('td').nth(6)).toHaveText('10.85.0.0/24');

  await importInput(page).setInputFiles(file);
  await ask.getByRole('button', { name: 'Replace dup' }).click();
  await expect(row(page, 'dup').locator('td').nth(6)).toHaveText('10.86.0.0/24');
  expect((await pg.cli(['net-uuid', 'dup'])).stdout.trim()).toBe(uuid);
  const bridge = /<bridge name='([^']+)'/.exec(before)?.[1];
  expect((await pg.cli(['net-dumpxml', 'dup'])).stdout).toContain(`<bridge name='${bridge}'`);
  await undefine(pg, 'dup', 'dup-copy');
});

test('a file that fails to import opens in the editor, where it is fixed and defined', async ({
  page,
  pg,
}) => {
  await page.goto(pg.url);
  await expect(page.locator('#app')).not.toBeEmpty();
  const broken = netXml('broken', 87).replace(
    "start='10.87.0.10' end='10.87.0.99'",
    "start='10.87.0.99' end='10.87.0.10'",
  );
  await importInput(page).setInputFiles(xmlFile('broken.xml', broken));
  const alert = page.getByRole('alert').filter({ hasText: 'Importing broken.xml failed' });
  await expect(alert).toBeVisible();
  await alert.getByRole('button', { name: 'Open in editor' }).click();
  await expect(page.getByRole('heading', { name: /New network from XML/ })).toContainText('broken');
  await expect(page.getByTestId('lint-status')).toContainText('10.87.0.99');
  await typeXml(page, 'broken', netXml('broken', 87));
  await expect(page.getByTestId('lint-status')).toHaveText('Valid · unsaved changes');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(row(page, 'broken')).toBeVisible();
  await undefine(pg, 'broken');
});
