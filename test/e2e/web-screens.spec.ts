// A tour of every view with the demo networks (a NAT network with two guests pinging
// out, an isolated one), at the smallest supported window and a large one, light and
// dark. The screenshots are for looking at; the asserts pin what must fit: one toolbar
// row, the list's subnet, leases and rate columns inside the pane, addresses on one line.
import type { Locator, Page } from '@playwright/test';
import { expect, playgroundSkipReason, screenshot, test } from './fixtures.js';

const why = playgroundSkipReason();
test.skip(why !== undefined, why);
test.use({ pgOptions: { guests: 2, demo: true } });

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1400, height: 900 },
] as const;

/** Every child starts on the same line: nothing wrapped to a second row. */
async function expectOneRow(bar: Locator): Promise<void> {
  const tops = await bar.evaluate((el) =>
    Array.from(el.children)
      .filter((c) => (c as HTMLElement).offsetParent !== null)
      .map((c) => Math.round(c.getBoundingClientRect().top + c.getBoundingClientRect().height / 2)),
  );
  expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(3);
}

/** The element is shown and its right edge is inside the container's. */
async function expectInside(el: Locator, container: Locator): Promise<void> {
  await expect(el).toBeVisible();
  const [a, b] = [await el.boundingBox(), await container.boundingBox()];
  expect(a && b && a.x + a.width <= b.x + b.width + 1).toBe(true);
}

/** The cell's text sits on one line (an address broken mid-way has two). */
async function expectOneLine(cell: Locator): Promise<void> {
  const lines = await cell.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
  });
  expect(lines).toBe(1);
}

async function tour(page: Page, tag: string): Promise<void> {
  const list = page.getByRole('region', { name: 'Network list' });
  await expectOneRow(page.locator('header.top'));
  for (const column of ['Name', 'State', 'IPv4 subnet', 'Leases', 'Rate'])
    await expectInside(list.getByRole('columnheader', { name: column, exact: true }), list);
  const row = page.locator('tr[data-name="default"]');
  await row.click();
  await expect(row.getByTestId('rate')).not.toHaveText('—');
  await expectOneRow(page.getByRole('toolbar', { name: 'Actions on default' }));
  await expect(page.getByTestId('details-summary')).toContainText('2 VMs');
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByRole('table', { name: 'DHCP leases of default' }).locator('tbody tr')).toHaveCount(
    2,
  );
  await screenshot(page, `${tag}-overview`);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('form', { name: 'Settings of default' })).toBeVisible();
  await screenshot(page, `${tag}-settings`);
  await page.getByRole('tab', { name: 'Leases' }).click();
  const leases = page.getByRole('table', { name: 'Leases of default' });
  await expect(leases.locator('tbody tr[data-ip]')).toHaveCount(2);
  for (const cell of await leases.locator('td.mono:visible').all()) await expectOneLine(cell);
  // Reserve and its CLI button stay in view, however narrow the pane.
  const details = page.getByRole('region', { name: 'Network details' });
  await expectInside(leases.getByRole('button', { name: /^CLI command for / }).first(), details);
  await screenshot(page, `${tag}-leases`);
  await page.getByRole('tab', { name: 'Statistics' }).click();
  await expect(page.getByTestId('rate-chart')).toHaveAttribute('data-points', /^([3-9]|\d\d+)$/);
  await expect(page.getByTestId('stats-now')).not.toContainText('waiting');
  await screenshot(page, `${tag}-stats`);
  await page.getByRole('tab', { name: 'XML' }).click();
  await expect(page.getByRole('textbox', { name: 'Network XML of default' })).toContainText('<range');
  await screenshot(page, `${tag}-xml`);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'New network', exact: true }).click();
  const wizard = page.getByRole('dialog', { name: 'New network' });
  await expect(wizard).toBeVisible();
  await screenshot(page, `${tag}-wizard`);
  await wizard.getByRole('button', { name: 'Cancel' }).click();
  await expect(wizard).toBeHidden();
}

for (const scheme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    test(`every view at ${size.width}x${size.height}, ${scheme}`, async ({ page, pg }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(pg.url);
      await expect(page.locator('tr[data-name="default"]')).toBeVisible();
      await tour(page, `${size.width}x${size.height}-${scheme}`);
    });
  }
}

test('the split between list and details is dragged or moved with the keys, and remembered', async ({
  page,
  pg,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(pg.url);
  const list = page.getByRole('region', { name: 'Network list' });
  const handle = page.getByRole('separator', { name: 'Resize the network list' });
  await expect(handle).toHaveAttribute('aria-valuenow', '50');
  const box = await handle.boundingBox();
  if (!box) throw new Error('the splitter has no box');
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(560, box.y + 200, { steps: 4 });
  await page.mouse.up();
  await expect(handle).toHaveAttribute('aria-valuenow', '40');
  await handle.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', '42');
  const width = (await list.boundingBox())?.width ?? 0;
  await page.reload();
  await expect(handle).toHaveAttribute('aria-valuenow', '42');
  expect(Math.abs(((await list.boundingBox())?.width ?? 0) - width)).toBeLessThanOrEqual(1);
  // The narrow list hides its least important columns, not the subnet.
  await handle.press('Home');
  await expect(list.getByRole('columnheader', { name: 'Persistent' })).toBeHidden();
  await expectInside(list.getByRole('columnheader', { name: 'IPv4 subnet' }), list);
  await expectInside(list.getByRole('columnheader', { name: 'Rate' }), list);
});
