// A failed start leaves nothing behind: SWITCHYARD_FAIL_AT=<step> fails the start
// right after each step in turn (so every step's undo runs at least once), and a
// real failure (the kernel refusing a route) rolls back the steps before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START_STEP_IDS } from '../../core/plan/index.js';
import { engine, ensureBuilt, writeXml } from './harness/engine-client.js';
import { EMPTY, snapshot } from './harness/inspect.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

// Every step has work to do: IPv6 (sysctls, forwarding), a <route>, DHCP (dnsmasq).
const extra = `  <ip family='ipv6' address='fd00:5::1' prefix='64'/>
  <route address='10.50.0.0' prefix='16' gateway='192.168.220.2'/>
`;
const full = netXml({ name: 'rb', bridge: 'syrb', net: '192.168.220', mode: 'nat', extra });

describe.skipIf(skipReason !== undefined)('rollback', () => {
  let topo: Topology;
  let file = '';
  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology();
    file = writeXml(topo, 'rb', full);
  });
  afterAll(async () => {
    await topo?.cleanup();
  });

  for (const step of START_STEP_IDS) {
    it(`SWITCHYARD_FAIL_AT=${step} fails the start and leaves nothing behind`, async () => {
      const r = await engine(topo, ['start', file], { SWITCHYARD_FAIL_AT: step });
      expect(r.ok).toBe(false);
      expect(r.error?.message).toBe(
        `network 'rb': injected failure after step '${step}' (SWITCHYARD_FAIL_AT)`,
      );
      expect(r.error?.detail).toContain('rolled back completely');
      expect(await snapshot(topo)).toEqual(EMPTY);
    });
  }

  it('a start that fails for real halfway (dnsmasq refusing its config) is rolled back', async () => {
    const bad = `<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>
  <name>rb</name>
  <forward mode='nat'/>
  <bridge name='syrb' stp='off' delay='0'/>
  <ip address='192.168.220.1' netmask='255.255.255.0'>
    <dhcp><range start='192.168.220.10' end='192.168.220.250'/></dhcp>
  </ip>
  <dnsmasq:options>
    <dnsmasq:option value='no-such-dnsmasq-option'/>
  </dnsmasq:options>
</network>
`;
    const r = await engine(topo, ['start', writeXml(topo, 'rb-bad', bad)]);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toMatch(/^network 'rb': dnsmasq --conf-file=\S+ failed: .*bad option/);
    expect(r.error?.detail).toContain("failed at step 'dnsmasq'");
    expect(await snapshot(topo)).toEqual(EMPTY);
  });

  it('after all that, the same network starts and stops cleanly', async () => {
    const r = await engine(topo, ['start', file]);
    expect(r.error).toBeUndefined();
    expect((await engine(topo, ['stop', 'rb'])).error).toBeUndefined();
    expect(await snapshot(topo)).toEqual(EMPTY);
  });
});
