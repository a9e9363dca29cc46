// The Statistics chart in dark mode, read back from its canvas: axis labels that stand
// out from the dark panel, both lines visible while a guest's pings make rx equal tx,
// a legend with the newest rates when nobody hovers (the hovered point's when one
// does), and a line that breaks where sampling stopped (the network was down).
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { type ChildExit, exitOf } from '../support/child-exit.js';
import { expect, playgroundSkipReason, screenshot, test } from './fixtures.js';

const why = playgroundSkipReason();
test.skip(why !== undefined, why);

const NET = 'e2e-chart';
const XML = `<network>
  <name>${NET}</name>
  <bridge stp='off'/>
  <ip address='10.67.0.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='10.67.0.100' end='10.67.0.199'/>
    </dhcp>
  </ip>
</network>
`;

let traffic: { child: ChildProcess; exited: Promise<ChildExit> } | undefined;

test.beforeAll(async ({ pg }) => {
  const file = join(pg.topo.dirs.root, `${NET}.xml`);
  writeFileSync(file, XML);
  for (const args of [
    ['net-define', file],
    ['net-start', NET],
  ]) {
    const r = await pg.cli(args);
    expect(r.code, r.stderr).toBe(0);
  }
  const bridge = /Bridge:\s+(\S+)/.exec((await pg.cli(['net-info', NET])).stdout)?.[1];
  const guest = pg.topo.guests[0]!;
  await pg.topo.plugGuest(guest, bridge!);
  expect(await pg.topo.dhcp(guest)).toBeDefined();
  // Echo requests in, replies of the same size out: rx equals tx on the bridge.
  const child = spawn(
    'ip',
    ['netns', 'exec', guest, 'busybox', 'ping', '-q', '-s', '800', '-i', '0.2', '10.67.0.1'],
    {
      stdio: 'ignore',
    },
  );
  traffic = { child, exited: exitOf(child) };
});

// Spec files share a worker's playground: leave it as this file found it.
test.afterAll(async ({ pg }) => {
  if (traffic?.child.exitCode === null) traffic.child.kill('SIGTERM');
  await traffic?.exited;
  await pg.topo.unplugGuest(pg.topo.guests[0]!);
  await pg.cli(['net-destroy', NET]);
  await pg.cli(['net-undefine', NET]);
});

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
});

/** The Statistics tab of the network, once its chart holds `points` samples or more. */
async function openStatistics(page: Page, url: string, points = 5): Promise<Locator> {
  await page.goto(url);
  await page.locator(`tr[data-name="${NET}"]`).click();
  await page.getByRole('tab', { name: 'Statistics' }).click();
  const chart = page.getByTestId('rate-chart');
  await expect
    .poll(async () => Number(await chart.getAttribute('data-points')), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(points);
  return chart;
}

interface CanvasReading {
  /** The best WCAG contrast of any axis-label pixel against the panel behind the chart. */
  labelContrast: number;
  /** Opaque pixels drawn in each line's colour. */
  rxPixels: number;
  txPixels: number;
}

/** Reads the chart's canvas pixels in the page (the chart's y axis is 86 px wide). */
function readCanvas(chart: Locator): Promise<CanvasReading> {
  return chart.evaluate((el) => {
    const canvas = el.querySelector('canvas');
    if (!canvas) throw new Error('the chart has no canvas');
    const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const luminance = (c: number[]) => {
      const [r, g, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    };
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
    };
    let behind: Element | null = el;
    while (behind && getComputedStyle(behind).backgroundColor === 'rgba(0, 0, 0, 0)')
      behind = behind.parentElement;
    const panel = rgb(behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)');
    // The theme's line colours, resolved by the browser (a probe element styled with them).
    const resolved = (property: string) => {
      const probe = document.createElement('span');
      probe.style.color = `var(${property})`;
      el.append(probe);
      const color = rgb(getComputedStyle(probe).color);
      probe.remove();
      return color;
    };
    const [rx, tx] = [resolved('--chart-rx'), resolved('--chart-tx')];
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    const { width, height } = canvas;
    const px = ctx.getImageData(0, 0, width, height).data;
    const axisWidth = Math.round(86 * (width / canvas.getBoundingClientRect().width));
    const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= 24);
    let labelContrast = 1;
    let rxPixels = 0;
    let txPixels = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const k = (y * width + x) * 4;
        const alpha = (px[k + 3] ?? 0) / 255;
        if (alpha < 0.5) continue;
        // What the eye sees: the pixel over the panel.
        const seen = [0, 1, 2].map((i) => (px[k + i] ?? 0) * alpha + (1 - alpha) * (panel[i] ?? 0));
        if (x < axisWidth) labelContrast = Math.max(labelContrast, contrast(seen, panel));
        else if (alpha > 0.9 && near(seen, rx)) rxPixels++;
        else if (alpha > 0.9 && near(seen, tx)) txPixels++;
      }
    }
    return { labelContrast, rxPixels, txPixels };
  });
}

test('in dark mode the axis labels stand out from the panel, and rx and tx both show when equal', async ({
  page,
  pg,
}) => {
  // Enough of a line (a quarter of the minute) to count its pixels.
  const chart = await openStatistics(page, pg.url, 15);
  // The pings flow: both directions carry the same rate.
  await expect
    .poll(async () => Number(await chart.getAttribute('data-newest-rx')), { timeout: 15_000 })
    .toBeGreaterThan(2000);
  const newest = await chart.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  expect(Math.abs(Number(newest.newestRx) - Number(newest.newestTx))).toBeLessThan(
    Number(newest.newestRx) * 0.2,
  );
  const reading = await readCanvas(chart);
  expect(reading.labelContrast, 'contrast of the axis labels against the panel').toBeGreaterThanOrEqual(4.5);
  expect(reading.rxPixels, 'pixels of the rx line').toBeGreaterThan(30);
  expect(reading.txPixels, 'pixels of the tx line').toBeGreaterThan(30);
  await screenshot(page, 'chart-dark');
});

test('the legend shows the newest rates, or the hovered point while the pointer is on the chart', async ({
  page,
  pg,
}) => {
  const chart = await openStatistics(page, pg.url);
  const legend = page.getByTestId('chart-legend');
  await expect(legend).toContainText('Latest');
  await expect(legend).toContainText(/from guests \(rx\) [\d.]+ k?bit\/s/);
  await expect(legend).toContainText(/to guests \(tx\) [\d.]+ k?bit\/s/);
  await expect(legend).not.toContainText('--');
  const box = await chart.boundingBox();
  if (!box) throw new Error('the chart has no box');
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
  await expect(legend).not.toContainText('Latest');
  await expect(legend).toContainText(/\d{1,2}:\d\d:\d\d/);
  await expect(legend).toContainText(/from guests \(rx\) [\d.]+ k?bit\/s/);
  await page.mouse.move(box.x + box.width / 2, box.y - 40);
  await expect(legend).toContainText('Latest');
});

test('a pause in sampling breaks the line instead of bridging it', async ({ page, pg }) => {
  const chart = await openStatistics(page, pg.url);
  // Counted from here, not from zero: on a loaded machine the sampler itself can stall
  // past the gap threshold before the test begins, and that break is right too.
  const gapsBefore = Number(await chart.getAttribute('data-gaps'));
  const stoppedAfter = Number(await chart.getAttribute('data-newest-at'));
  const stop = await pg.cli(['net-destroy', NET]);
  expect(stop.code, stop.stderr).toBe(0);
  await expect(page.getByText(/^Not running: statistics are sampled/)).toBeVisible();
  // Down for longer than a few sampling steps: a gap there must show.
  await expect.poll(() => Date.now() - stoppedAfter, { timeout: 15_000 }).toBeGreaterThan(4000);
  const start = await pg.cli(['net-start', NET]);
  expect(start.code, start.stderr).toBe(0);
  await expect
    .poll(async () => Number(await chart.getAttribute('data-gaps')), { timeout: 15_000 })
    .toBeGreaterThan(gapsBefore);
  await expect
    .poll(async () => Number(await chart.getAttribute('data-newest-at')), { timeout: 15_000 })
    .toBeGreaterThan(stoppedAfter + 4000);
  await screenshot(page, 'chart-gap-dark');
});
