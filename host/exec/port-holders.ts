// Who holds a UDP or TCP port in this network namespace: the sockets in
// /proc/net/{udp,tcp}{,6} bound to it, and the processes whose file descriptors
// point at those sockets. For naming the program in the way when dnsmasq cannot bind
// DNS (53) or DHCP (67), and for the doctor.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { formatIp } from '../../core/addr/index.js';

export interface PortHolder {
  proto: 'udp' | 'tcp';
  /** The bound address, e.g. 0.0.0.0, 192.168.122.1 or ::. */
  address: string;
  port: number;
  pid?: number;
  /** /proc/PID/comm. */
  command?: string;
}

/** Sockets bound to PORT (TCP ones only when listening), with their processes where visible. */
export function portHolders(port: number): PortHolder[] {
  const sockets = (['udp', 'udp6', 'tcp', 'tcp6'] as const).flatMap((table) => boundSockets(table, port));
  if (sockets.length === 0) return [];
  const owners = socketOwners(new Set(sockets.map((s) => s.inode)));
  return sockets.map(({ inode, ...s }) => {
    const pid = owners.get(inode);
    return { ...s, ...(pid === undefined ? {} : { pid, command: commandOf(pid) }) };
  });
}

/** "port 53 is held by PID 812 (named) on 0.0.0.0/udp" style text for one line. */
export function describeHolders(holders: PortHolder[]): string {
  return holders
    .map(
      (h) =>
        `${h.pid === undefined ? 'a socket of another namespace or user' : `PID ${h.pid} (${h.command ?? '?'})`} on ${h.address}/${h.proto}`,
    )
    .filter((t, i, all) => all.indexOf(t) === i)
    .join(', ');
}

interface BoundSocket extends Omit<PortHolder, 'pid' | 'command'> {
  inode: string;
}

const TCP_LISTEN = '0A';

function boundSockets(table: 'udp' | 'udp6' | 'tcp' | 'tcp6', port: number): BoundSocket[] {
  let text: string;
  try {
    text = readFileSync(`/proc/net/${table}`, 'utf8');
  } catch {
    return [];
  }
  const proto = table.startsWith('udp') ? 'udp' : 'tcp';
  return text
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      const f = line.trim().split(/\s+/);
      const [addrHex, portHex] = (f[1] ?? '').split(':');
      if (!addrHex || !portHex || Number.parseInt(portHex, 16) !== port) return [];
      if (proto === 'tcp' && f[3] !== TCP_LISTEN) return [];
      return [{ proto, address: hexAddress(addrHex), port, inode: f[9] ?? '' }];
    });
}

/** /proc/net prints addresses as host-order 32-bit words in hex. */
function hexAddress(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((w) => (w.match(/../g) ?? []).reverse().map((b) => Number.parseInt(b, 16)));
  const value = bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
  return formatIp({ family: bytes.length === 4 ? 4 : 6, value });
}

function socketOwners(inodes: Set<string>): Map<string, number> {
  const owners = new Map<string, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${entry}/fd/${fd}`));
        if (m?.[1] && inodes.has(m[1]) && !owners.has(m[1])) owners.set(m[1], Number(entry));
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return owners;
}

function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}
