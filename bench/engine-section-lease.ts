// Section "lease": a new guest plugged into a freshly created network, until its DHCP
// lease. (a) Switchyard's `default` as first use defines it (fresh state dirs every
// rep, SWITCHYARD_NO_DEFAULT unset, `net-start default`); (b) libvirt's stock
// default.xml (stp on); (c) the same with stp='off'. A new random MAC every time, so
// no server knows the guest already; libvirt's network is defined anew every time.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from './engine-context.js';
import { type LeaseTrial, plugAndLease } from './engine-guest.js';
import { withStpOff } from './engine-xml.js';

const GUEST_PORT = 'vguest';

export async function benchLease(c: BenchContext): Promise<void> {
  const stock = readFileSync(c.lv.stockXmlPath, 'utf8');
  const libvirtVariants = [
    { key: 'lvstock', file: c.lv.stockXmlPath },
    { key: 'lvstp', file: join(c.tmp, 'default-stp-off.xml') },
  ];
  writeFileSync(libvirtVariants[1]?.file as string, withStpOff(stock));
  const lvBridge = bridgeOf(stock);
  c.log(`lease: ${c.opts.leaseReps} reps each of Switchyard default, libvirt stock, libvirt stp='off'`);
  for (let r = 0; r < c.opts.leaseReps; r++) {
    c.cleanup.check();
    await onSwitchyardDefault(c, `lease-${r}`, async (bridge, startMs) =>
      record(c, 'sy', startMs, await plug(c, c.syNetns, bridge)),
    );
    for (const v of libvirtVariants) {
      c.cleanup.check();
      await onLibvirtDefault(c, v.file, async (startMs) =>
        record(c, v.key, startMs, await plug(c, c.lvNetns, lvBridge)),
      );
    }
  }
  const failed = ['sy', 'lvstock', 'lvstp'].map((k) => `${k} ${c.samples.get(`lease.${k}.failed`).length}`);
  c.notes.push(
    `lease: runs without a lease (udhcpc -t 20 -T 1 gave up): ${failed.join(', ')}. udhcpc sends its first DISCOVER at once and repeats it every second, so lease times are quantised to ~1 s; plug-to-lease includes the four \`ip\`/udhcpc process starts, the same on both sides. Switchyard's net-start wall here includes first use defining \`default\` (fresh config dir each rep); libvirt's network is net-defined untimed just before.`,
  );
}

/** libvirt's bridge in FILE (its stock default.xml names virbr0). */
export const bridgeOf = (xml: string): string => /<bridge\s+name=['"]([^'"]+)['"]/.exec(xml)?.[1] ?? 'virbr0';

/** libvirt's network from FILE defined untimed, started (timed: FN gets the wall ms), then removed. */
export async function onLibvirtDefault(
  c: BenchContext,
  file: string,
  fn: (startMs: number) => Promise<void>,
): Promise<void> {
  await c.lv.virsh('net-define', file);
  try {
    const start = await c.lv.virsh('net-start', 'default');
    await fn(start.wallMs);
  } finally {
    await c.lv.virsh('net-destroy', 'default');
    await c.lv.virsh('net-undefine', 'default');
  }
}

/**
 * Switchyard's `default` as first use makes it (fresh state dirs under TAG), started by
 * the CLI: FN gets its bridge and the start's wall ms; destroyed and removed after.
 */
export async function onSwitchyardDefault(
  c: BenchContext,
  tag: string,
  fn: (bridge: string, startMs: number) => Promise<void>,
): Promise<void> {
  const dir = join(c.tmp, tag);
  mkdirSync(dir);
  const env = {
    SWITCHYARD_CONFIG_DIR: join(dir, 'networks'),
    SWITCHYARD_RUN_DIR: join(dir, 'run'),
    SWITCHYARD_STATE_DIR: join(dir, 'dnsmasq'),
    SWITCHYARD_NO_DEFAULT: null,
  };
  const start = await c.sy.call({ op: 'cli', args: ['net-start', 'default'], env });
  const info = await c.sy.call({ op: 'cli', args: ['net-info', 'default'], env });
  const bridge = /^Bridge:\s+(\S+)/m.exec(info.stdout ?? '')?.[1];
  if (!bridge) throw new Error(`switchyard net-info default shows no bridge: ${info.stdout}`);
  try {
    await fn(bridge, start.ms ?? Number.NaN);
  } finally {
    await c.sy.call({ op: 'cli', args: ['net-destroy', 'default'], env });
    rmSync(dir, { recursive: true, force: true });
  }
}

function plug(c: BenchContext, hostNetns: string, bridge: string): Promise<LeaseTrial> {
  return plugAndLease({ hostNetns, bridge, guestNetns: c.guestNetns, hostIf: GUEST_PORT, hook: c.hook });
}

function record(c: BenchContext, key: string, startMs: number, trial: LeaseTrial): void {
  c.samples.add(`lease.${key}.start`, startMs);
  if (trial.lease === undefined) {
    c.samples.add(`lease.${key}.failed`, trial.plugToLeaseMs);
    return;
  }
  c.samples.add(`lease.${key}.plug`, trial.plugToLeaseMs);
  c.samples.add(`lease.${key}.total`, startMs + trial.plugToLeaseMs);
}
