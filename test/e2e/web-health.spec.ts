// The Health view, in Debian's Chromium against the web shell and the real engine,
// with a NAT network running. IP forwarding turned off is a card with cause, evidence
// and a Fix button that turns it on again; the host's iptables FORWARD policy turning
// to DROP after the page opened (Docker, ufw) is noticed by main's watcher, which puts
// our accepts back by itself and says so. What the tests changed is put back.
import type { Locator, Page } from '@playwright/test';
import type { Playground } from '../playground/playground.js';
import { expect, playgroundSkipReason, screenshot, test } from './fixtures.js';

const why = playgroundSkipReason();
test.skip(why !== undefined, why);
// The watcher's interval, short so the spec waits for it briefly (it still polls).
test.use({ pgOptions: { guests: 1, env: { SWITCHYARD_HEALTH_INTERVAL_MS: '300' } } });

const XML = `<network>
  <name>health</name>
  <forward mode='nat'/>
  <bridge name='syhe0' stp='off' delay='0'/>
  <ip address='192.168.197.1' netmask='255.255.255.0'/>
</network>
`;

test.beforeEach(async ({ pg }) => {
  expect((await pg.cli(['net-define', '-'], XML)).code).toBe(0);
  expect((await pg.cli(['net-start', 'health'])).code).toBe(0);
});
test.afterEach(async ({ pg }) => {
  await pg.topo.runInHost('iptables', ['-P', 'FORWARD', 'ACCEPT']);
  await pg.cli(['net-destroy', 'health']);
  await pg.cli(['net-undefine', 'health']);
});

/**
 * The page with the Health group open and saying all holds. Opened first: a problem
 * the watcher pushes opens it by itself, and a click then would close it.
 */
async function openHealth(page: Page, pg: Playground): Promise<Locator> {
  await page.goto(pg.url);
  const health = page.getByRole('group', { name: 'Health' });
  await expect(health.locator('summary')).toContainText('everything holds');
  await health.locator('summary').click();
  return health;
}

test('forwarding turned off is a card with cause, evidence and fix; its Fix button makes everything hold', async ({
  page,
  pg,
}) => {
  const health = await openHealth(page, pg);
  await pg.topo.runInHost('sysctl', ['-w', 'net.ipv4.ip_forward=0']);
  await health.getByRole('button', { name: 'Check now' }).click();
  const card = health.getByRole('article', { name: /IP forwarding is off/ });
  await expect(card).toContainText('/proc/sys/net/ipv4/ip_forward = 0');
  await expect(card).toContainText('sysctl -w net.ipv4.ip_forward=1');
  await expect(health.locator('summary')).toContainText('1 problem');
  await screenshot(page, 'health-problem');
  await card.getByRole('button', { name: 'Fix' }).click();
  await expect(health.locator('summary')).toContainText('everything holds');
  await expect(card).toHaveCount(0);
  expect((await pg.topo.runInHost('sysctl', ['-n', 'net.ipv4.ip_forward'])).stdout.trim()).toBe('1');
  await screenshot(page, 'health-ok');
});

test("FORWARD turning to DROP after the page opened: main's watcher puts our accepts back and the view says so", async ({
  page,
  pg,
}) => {
  const health = await openHealth(page, pg);
  await pg.topo.runInHost('iptables', ['-F', 'FORWARD']);
  await pg.topo.runInHost('iptables', ['-P', 'FORWARD', 'DROP']);
  const repaired = health.getByRole('region', { name: 'Repaired by Switchyard' });
  await expect(repaired).toContainText("the host's iptables FORWARD chain drops traffic of network 'health'");
  await expect(health.locator('summary')).toContainText('everything holds');
  expect((await pg.topo.runInHost('iptables', ['-S', 'FORWARD'])).stdout).toMatch(/-A FORWARD .*switchyard/);
  await screenshot(page, 'health-repaired');
});
