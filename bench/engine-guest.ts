// A new guest on a bridge: a veth whose far end (eth0, a new random MAC) sits in the
// guest namespace, then `busybox udhcpc` until it holds a lease. The same commands for
// Switchyard and libvirt, so the spawn overheads cancel out in the comparison.
import { randomBytes } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './engine-procs.js';

export interface LeaseTrial {
  /** From `ip link add` of the guest's veth to udhcpc's exit with a lease. */
  plugToLeaseMs: number;
  /** The "bound" line of the hook: the address obtained; undefined when none was. */
  lease: string | undefined;
}

/** The tiny udhcpc hook: reports the bound address and configures nothing. */
export function writeUdhcpcHook(dir: string): string {
  const path = join(dir, 'udhcpc-hook.sh');
  writeFileSync(path, '#!/bin/sh\n[ "$1" = bound ] && echo "lease $ip"\nexit 0\n');
  chmodSync(path, 0o755);
  return path;
}

export const randomGuestMac = (): string =>
  ['52', '54', '00', ...Array.from(randomBytes(3), (b) => b.toString(16).padStart(2, '0'))].join(':');

export interface GuestPlug {
  hostNetns: string;
  bridge: string;
  guestNetns: string;
  /** The veth end left on the host side (a port of BRIDGE). */
  hostIf: string;
  hook: string;
  /** DISCOVERs before udhcpc gives up, one a second (20 unless given). */
  tries?: number;
}

export async function plugAndLease(g: GuestPlug): Promise<LeaseTrial> {
  const t0 = performance.now();
  const mac = randomGuestMac();
  await run('ip', [
    ...['-n', g.hostNetns, 'link', 'add', g.hostIf, 'type', 'veth'],
    ...['peer', 'name', 'eth0', 'address', mac, 'netns', g.guestNetns],
  ]);
  try {
    await run('ip', ['-n', g.hostNetns, 'link', 'set', g.hostIf, 'master', g.bridge, 'up']);
    await run('ip', ['-n', g.guestNetns, 'link', 'set', 'eth0', 'up']);
    // -T 1: a DISCOVER every second; the first one goes out at once.
    const dhcp = await run(
      'ip',
      [
        ...['netns', 'exec', g.guestNetns, 'busybox', 'udhcpc'],
        ...['-i', 'eth0', '-f', '-q', '-n', '-t', String(g.tries ?? 20), '-T', '1', '-s', g.hook],
      ],
      { allowFail: true, timeoutMs: 60_000 },
    );
    const plugToLeaseMs = performance.now() - t0;
    const lease = /^lease (\S+)/m.exec(dhcp.stdout)?.[1];
    return { plugToLeaseMs, lease };
  } finally {
    await run('ip', ['-n', g.hostNetns, 'link', 'del', g.hostIf], { allowFail: true });
  }
}
