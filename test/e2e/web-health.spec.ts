// The Health view, in Debian's Chromium against the web shell and the real engine: a
// NAT network runs, then the host's iptables FORWARD policy turns to DROP (as Docker
// and ufw set it). The check names the dropping chain, its Fix puts our accepts back,
// and the next check finds everything holding. The policy is put back afterwards.
import { expect, playgroundSkipReason, screenshot, test } from './fixtures.js';

const why = playgroundSkipReason();
test.skip(why !== undefined, why);

const XML = `<network>
  <name>health</name>
  <forward mode='nat'/>
  <bridge name='syhe0' stp='off' delay='0'/>
  <ip address='192.168.197.1' netmask='255.255.255.0'/>
</network>
`;

test('the Health view names a dropping FORWARD chain, and its Fix makes everything hold', async ({
  page,
  pg,
}) => {
  const iptables = (args: string[]) => pg.topo.runInHost('iptables', args);
  expect((await pg.cli(['net-define', '-'], XML)).code).toBe(0);
  expect((await pg.cli(['net-start', 'health'])).code).toBe(0);
  try {
    await iptables(['-P', 'FORWARD', 'DROP']);
    await page.goto(pg.url);
    const health = page.getByRole('group', { name: 'Health' });
    await health.locator('summary').click();
    await health.getByRole('button', { name: 'Check now' }).click();
    const finding = health.locator('[data-finding^="host-chain:health:ipv4:FORWARD"]');
    await expect(finding).toContainText('-P FORWARD DROP');
    await screenshot(page, 'health-problem');
    await finding.getByRole('button', { name: 'Fix' }).click();
    await expect(health.locator('summary')).toContainText('everything holds');
    await screenshot(page, 'health-ok');
  } finally {
    await iptables(['-P', 'FORWARD', 'ACCEPT']);
    await pg.cli(['net-destroy', 'health']);
    await pg.cli(['net-undefine', 'health']);
  }
});
