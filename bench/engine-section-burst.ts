// Section "burst": BURST_GUESTS new guests plugged into a freshly started default
// network at the same instant, each asking for a lease for up to 30 s: how many got
// one, and when the last did (from the moment they were all plugged in). Switchyard's
// default (STP off) against libvirt's stock default.xml (STP on, which holds a new
// port back for its forward delay, and dnsmasq's ping check per offered address).
import { readFileSync } from 'node:fs';
import { type BenchContext, BURST_GUESTS, BURST_TRIES } from './engine-context.js';
import { type LeaseTrial, plugAndLease } from './engine-guest.js';
import { bridgeOf, onLibvirtDefault, onSwitchyardDefault } from './engine-section-lease.js';

export async function benchBurst(c: BenchContext): Promise<void> {
  c.log(`burst: ${BURST_GUESTS} guests plugged at once, Switchyard default and libvirt stock`);
  c.cleanup.check();
  await onSwitchyardDefault(c, 'burst', async (bridge) => record(c, 'sy', await burst(c, c.syNetns, bridge)));
  c.cleanup.check();
  const stock = c.lv.stockXmlPath;
  await onLibvirtDefault(c, stock, async () =>
    record(c, 'lv', await burst(c, c.lvNetns, bridgeOf(readFileSync(stock, 'utf8')))),
  );
  c.notes.push(
    `burst: ${BURST_GUESTS} guests (veth + busybox udhcpc -T 1 -t ${BURST_TRIES} each) plugged in at once; "leased" counts those holding a lease within ${BURST_TRIES} s, "by" is when the last of them got it, from the moment they were plugged.`,
  );
}

function burst(c: BenchContext, hostNetns: string, bridge: string): Promise<LeaseTrial[]> {
  return Promise.all(
    c.burstNetns.map((guestNetns, i) =>
      plugAndLease({ hostNetns, bridge, guestNetns, hostIf: `vburst${i}`, hook: c.hook, tries: BURST_TRIES }),
    ),
  );
}

function record(c: BenchContext, side: 'sy' | 'lv', trials: LeaseTrial[]): void {
  const leased = trials.filter((t) => t.lease !== undefined);
  c.samples.add(`burst.${side}.leased`, leased.length);
  c.samples.add(`burst.${side}.last`, Math.max(0, ...leased.map((t) => t.plugToLeaseMs)));
}
