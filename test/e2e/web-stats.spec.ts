// Leases and statistics in the browser, against the real engine in a namespace: a
// guest's lease appears in the Leases tab and Reserve turns it into a static <host>
// without restarting dnsmasq; the Statistics chart plots the guest's traffic and
// the list's rate column follows; the Terminal tab (web shell started with
// --terminal) runs `switchyard net-list` and shows the table.
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { type ChildExit, exitOf } from '../support/child-exit.js';
import { startExtraShell } from './extra-shell.js';
import { expect, playgroundSkipReason, screenshot, test } from './fixtures.js';

const why = playgroundSkipReason();
test.skip(why !== undefined, why);

const NET = 'e2e-stats';
const XML = `<network>
  <name>${NET}</name>
  <forward mode='nat'/>
  <bridge stp='off'/>
  <ip address='10.66.0.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='10.66.0.100' end='10.66.0.199'/>
    </dhcp>
  </ip>
</network>
`;

const row = (page: Page) => page.locator(`tr[data-name="${NET}"]`);
let traffic: { child: ChildProcess; exited: Promise<ChildExit> } | undefined;
let guestLease: { ip: string } | undefined;

test.afterAll(async () => {
  if (traffic?.child.exitCode === null) traffic.child.kill('SIGTERM');
  await traffic?.exited;
});

/** The guest's pings: 1200 bytes of payload five times a second, each way. */
const PING_BYTES = 1200;
const PING_INTERVAL_S = 0.2;
/** ICMP 8 + IPv4 20 + Ethernet 14 bytes around each payload. */
const PING_BYTES_PER_S = (PING_BYTES + 8 + 20 + 14) / PING_INTERVAL_S;

interface ChartPoint {
  at: number;
  rx: number;
  tx: number;
}

/** The newest point the chart was given (RateChart's data-* attributes), 0s before the first. */
async function newestPoint(chart: Locator): Promise<ChartPoint> {
  const d = await chart.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  return { at: Number(d.newestAt ?? 0), rx: Number(d.newestRx ?? 0), tx: Number(d.newestTx ?? 0) };
}

/** Waits until the chart is given a point newer than `after` (a sample a second). */
async function nextPoint(chart: Locator, after: number): Promise<ChartPoint> {
  let point: ChartPoint = { at: 0, rx: 0, tx: 0 };
  await expect
    .poll(
      async () => {
        point = await newestPoint(chart);
        return point.at;
      },
      { message: `a chart point newer than ${after}`, timeout: 15_000 },
    )
    .toBeGreaterThan(after);
  return point;
}

test('the lease appears in the Leases tab and Reserve makes it static without a restart', async ({
  page,
  pg,
}) => {
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
  expect(bridge).toBeTruthy();
  const guest = pg.topo.guests[0]!;
  await pg.topo.plugGuest(guest, bridge!, { mac: '52:54:00:6e:00:01' });
  guestLease = await pg.topo.dhcp(guest);
  expect(guestLease?.ip).toMatch(/^10\.66\.0\.1\d\d$/);
  const dnsmasqBefore = await dnsmasqPid(pg.topo.runInHost);

  await page.goto(pg.url);
  await row(page).click();
  await page.getByRole('tab', { name: 'Leases' }).click();
  const table = page.getByRole('table', { name: `Leases of ${NET}` });
  const leaseRow = table.locator(`tr[data-ip="${guestLease!.ip}"]`);
  await expect(leaseRow).toContainText('52:54:00:6e:00:01');
  await expect(leaseRow.locator('td').nth(4)).toHaveText(/\d+[hms]/);
  await leaseRow.getByRole('button', { name: 'CLI' }).click();
  await expect(table.getByTestId('cli-command')).toHaveText(
    `switchyard net-update ${NET} add ip-dhcp-host "<host mac='52:54:00:6e:00:01' ip='${guestLease!.ip}'/>" --live --config`,
  );
  await screenshot(page, 'leases-before-reserve');
  await leaseRow.getByRole('button', { name: 'Reserve' }).click();
  await expect(leaseRow.getByText('reserved')).toBeVisible();
  await screenshot(page, 'leases');

  // Saved and live, and the same dnsmasq (SIGHUP, no restart).
  for (const extra of [[], ['--inactive']]) {
    const xml = (await pg.cli(['net-dumpxml', NET, ...extra])).stdout;
    expect(xml).toContain(`<host mac='52:54:00:6e:00:01' ip='${guestLease!.ip}'/>`);
  }
  expect(await dnsmasqPid(pg.topo.runInHost)).toBe(dnsmasqBefore);
  // The guest renews and keeps its address.
  expect((await pg.topo.dhcp(guest))?.ip).toBe(guestLease!.ip);
});

test('the Statistics chart plots the traffic the guest sends, as it flows; the list shows a rate', async ({
  page,
  pg,
}) => {
  const guest = pg.topo.guests[0]!;
  // To the gateway and back: about 50 kbit/s each way.
  const ping = ['ping', '-q', '-s', String(PING_BYTES), '-i', String(PING_INTERVAL_S), '10.66.0.1'];
  const child = spawn('ip', ['netns', 'exec', guest, 'busybox', ...ping], { stdio: 'ignore' });
  traffic = { child, exited: exitOf(child) };
  await page.goto(pg.url);
  await row(page).click();
  await expect(row(page).getByTestId('rate')).toHaveText(/[1-9][\d.]* k?bit\/s/, { timeout: 15_000 });
  await page.getByRole('tab', { name: 'Statistics' }).click();
  await expect(page.getByTestId('stats-now')).toContainText(/rx [\d.]+ kbit\/s/, { timeout: 15_000 });
  const chart = page.getByTestId('rate-chart');
  await expect(chart.locator('canvas')).toBeVisible();
  // Each new sample reaches the chart, carrying the ping's rate into and out of the bridge
  // (bytes/s; a sample may catch a ping more or fewer, and the host side counts without
  // the Ethernet header).
  let point = await newestPoint(chart);
  for (let k = 0; k < 3; k++) {
    point = await nextPoint(chart, point.at);
    for (const dir of ['rx', 'tx'] as const) {
      expect(point[dir], `${dir} of the chart point at ${point.at}`).toBeGreaterThan(PING_BYTES_PER_S * 0.5);
      expect(point[dir], `${dir} of the chart point at ${point.at}`).toBeLessThan(PING_BYTES_PER_S * 2);
    }
  }
  await expect(page.getByRole('table', { name: /^Ports of / }).locator('tbody tr')).toHaveCount(1);
  await page.getByRole('radio', { name: 'B/s' }).click();
  await expect(page.getByTestId('stats-now')).toContainText('B/s');
  await page.getByRole('radio', { name: 'bit/s' }).click();
  await screenshot(page, 'statistics');
});

test('the terminal is off by default and, with --terminal, runs switchyard net-list', async ({
  page,
  pg,
}) => {
  await page.goto(pg.url);
  await row(page).click();
  await page.getByRole('tab', { name: 'Terminal' }).click();
  await expect(page.getByTestId('terminal-off')).toContainText('--terminal');
  await screenshot(page, 'terminal-off');

  const shell = await startExtraShell(pg, { name: 'web-terminal', terminal: true });
  try {
    await page.goto(shell.url);
    await row(page).click();
    await page.getByRole('tab', { name: 'Terminal' }).click();
    const term = page.getByTestId('terminal');
    await expect(term.locator('.xterm-rows')).toBeVisible();
    await term.click();
    await page.keyboard.type('switchyard net-list\n');
    await expect(term.locator('.xterm-rows')).toContainText(/Name\s+State\s+Autostart\s+Persistent/, {
      timeout: 20_000,
    });
    await expect(term.locator('.xterm-rows')).toContainText(new RegExp(`${NET}\\s+active`));
    await screenshot(page, 'terminal');
  } finally {
    await shell.stop();
  }
});

async function dnsmasqPid(
  runInHost: (cmd: string, args: string[]) => Promise<{ stdout: string }>,
): Promise<string> {
  const r = await runInHost('pgrep', ['-f', `dnsmasq.*${NET}`]);
  return r.stdout.trim();
}
