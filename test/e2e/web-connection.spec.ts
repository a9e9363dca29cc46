// The window while its web shell goes away: a web shell this spec started is killed by
// its PID (a crash, no goodbye on the socket). The banner must appear on its own, with
// no action failing first; when the shell is started again behind the same address the
// page reconnects by itself, the banner goes, the list shows what changed meanwhile and
// the statistics flow again.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ExtraShell, startExtraShell } from './extra-shell.js';
import { expect, playgroundSkipReason, screenshot, test } from './fixtures.js';

const why = playgroundSkipReason();
test.skip(why !== undefined, why);

const xml = (name: string, third: number) => `<network>
  <name>${name}</name>
  <bridge stp='off'/>
  <ip address='10.68.${third}.1' netmask='255.255.255.0'/>
</network>
`;

let shell: ExtraShell | undefined;

test.afterAll(async () => {
  await shell?.stop();
});

test('a banner appears the moment the web shell dies, and goes when the page has reconnected by itself', async ({
  page,
  pg,
}) => {
  for (const [name, third] of [
    ['e2e-conn', 1],
    ['e2e-conn-later', 2],
  ] as const)
    writeFileSync(join(pg.topo.dirs.root, `${name}.xml`), xml(name, third));
  for (const args of [
    ['net-define', join(pg.topo.dirs.root, 'e2e-conn.xml')],
    ['net-start', 'e2e-conn'],
  ]) {
    const r = await pg.cli(args);
    expect(r.code, r.stderr).toBe(0);
  }
  shell = await startExtraShell(pg, { name: 'web-connection' });
  await page.goto(shell.url);
  await page.locator('tr[data-name="e2e-conn"]').click();
  await page.getByRole('tab', { name: 'Statistics' }).click();
  const chart = page.getByTestId('rate-chart');
  await expect(chart).toHaveAttribute('data-newest-at', /^\d+$/, { timeout: 15_000 });
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toHaveCount(0);

  const exit = await shell.kill();
  expect(exit.signal).toBe('SIGKILL');
  // Nothing is clicked: the banner comes from the socket closing.
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Lost the connection to Switchyard');
  await screenshot(page, 'connection-lost');

  // A change while the window cannot hear about it.
  const define = await pg.cli(['net-define', join(pg.topo.dirs.root, 'e2e-conn-later.xml')]);
  expect(define.code, define.stderr).toBe(0);

  const restartedAt = Date.now();
  await shell.restart();
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('tr[data-name="e2e-conn-later"]')).toBeVisible();
  // The new web shell samples for this window again: points newer than the restart.
  await expect
    .poll(async () => Number(await chart.getAttribute('data-newest-at')), { timeout: 15_000 })
    .toBeGreaterThan(restartedAt);
  // And actions work without a reload.
  await page
    .getByRole('toolbar', { name: 'Actions on e2e-conn' })
    .getByRole('button', { name: 'Restart' })
    .click();
  await expect(page.getByRole('alert').filter({ hasText: 'connection' })).toHaveCount(0);
  await expect(page.locator('tr[data-name="e2e-conn"] .badge')).toHaveText('active');
  await screenshot(page, 'connection-back');
  for (const name of ['e2e-conn', 'e2e-conn-later'])
    expect((await pg.cli(['net-delete', name])).code).toBe(0);
});
