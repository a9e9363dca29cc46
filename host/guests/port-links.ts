// A bridge's ports and each port's facts, from sysfs alone (no process start, no
// privileges): the stop records them, the start checks that a remembered port is
// still the same device, the ports view lists them. `ip netns exec` mounts the
// namespace's own sysfs, so this reads the namespace the process runs in.
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';
import type { RememberedPort } from '../../core/guests/index.js';
import { bridgePorts } from '../readers/bridge-stats.js';
import { linkExists } from '../readers/link-exists.js';

const SYS = '/sys/class/net';

export interface PortLink extends RememberedPort {
  /** tun (a VM's tap), veth, or another kind. */
  kind: string;
}

function readSys(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** The bridge a link is enslaved to, if any. */
export function masterOf(link: string): string | undefined {
  try {
    return basename(readlinkSync(`${SYS}/${link}/master`));
  } catch {
    return undefined;
  }
}

export function linkMac(link: string): string | undefined {
  return linkExists(link) ? readSys(`${SYS}/${link}/address`)?.toLowerCase() : undefined;
}

/** A tap has tun_flags; a veth points at its peer (iflink is not its own index). */
function linkKind(link: string): string {
  if (existsSync(`${SYS}/${link}/tun_flags`)) return 'tun';
  const devtype = /^DEVTYPE=(.*)$/m.exec(readSys(`${SYS}/${link}/uevent`) ?? '')?.[1];
  if (devtype) return devtype;
  return readSys(`${SYS}/${link}/iflink`) !== readSys(`${SYS}/${link}/ifindex`) ? 'veth' : 'ether';
}

export function portLinks(bridge: string): PortLink[] {
  return bridgePorts(bridge).flatMap((name) => {
    const mac = linkMac(name);
    if (mac === undefined) return [];
    const isolated = readSys(`${SYS}/${name}/brport/isolated`) === '1';
    return [{ name, mac, isolated, kind: linkKind(name) }];
  });
}

/** The ports of BRIDGE as a stop records them; undefined when the bridge is gone. */
export function portsToRemember(bridge: string): RememberedPort[] | undefined {
  if (!linkExists(bridge)) return undefined;
  return portLinks(bridge).map(({ name, mac, isolated }) => ({ name, mac, isolated }));
}

/** Remembered ports that are still the same device and belong to no bridge now. */
export function stillDetached(ports: RememberedPort[]): RememberedPort[] {
  return ports.filter((p) => linkMac(p.name) === p.mac && masterOf(p.name) === undefined);
}
