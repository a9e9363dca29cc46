// A tour of every view with the demo networks (a NAT network with two guests pinging
// out, an isolated one), at the smallest supported window and a large one, light and
// dark. The screenshots are for looking at; the asserts pin what must fit.
import type { Page } from '@playwright/test';
import { expect, playgroundSkipReason, screenshot, test } from './fixtures.js';

const why = playgroundSkipReason();
test.skip(why !== undefined, why);
test.use({ pgOptions: { guests: 2, demo: true } });

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1400, height: 900 },
] as const;

async function tour(page: Page, tag: string): Promise<void> {
  await page.locator('tr[data-name="default"]').click();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await screenshot(page, `${tag}-overview`);
  await page.getByRole('tab', { name: 'Leases' }).click();
  await expect(page.getByRole('table', { name: 'Leases of default' }).locator('tbody tr')).toHaveCount(2);
  await screenshot(page, `${tag}-leases`);
  await page.getByRole('tab', { name: 'Statistics' }).click();
  await expect(page.getByTestId('rate-chart')).toHaveAttribute('data-points', /^([3-9]|\d\d+)$/);
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
