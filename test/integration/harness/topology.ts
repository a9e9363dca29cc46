// A private world per test file: a "host" namespace where Switchyard runs, a "wan"
// namespace behind the veth uplink (203.0.113.1 <-> 203.0.113.2), and guest
// namespaces whose eth0 plugs into a bridge. Names are random (sy-<id>-host ...),
// state directories live under a fresh temp dir, and cleanup() kills every process
// in these namespaces (by PID) and deletes them. The machine's own namespace is
// never touched: every command goes through `ip netns exec` / `ip -n`.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mustRun, type RunResult, run, runSync } from './run.js';
import { type Lease, parseLease, UDHCPC_SCRIPT } from './udhcpc-script.js';

export const UPLINK_HOST_IP = '203.0.113.1';
export const UPLINK_WAN_IP = '203.0.113.2';

export interface StateDirs {
  root: string;
  config: string;
  run: string;
  state: string;
  /** qemu-bridge-helper's directory as Switchyard sees it: never the machine's /etc/qemu. */
  qemu: string;
}

export interface Topology {
  id: string;
  host: string;
  wan: string;
  guests: string[];
  dirs: StateDirs;
  /** SWITCHYARD_*_DIR pointing into dirs, on top of process.env. */
  env: NodeJS.ProcessEnv;
  runIn(
    ns: string,
    cmd: string,
    args: string[],
    opts?: { env?: NodeJS.ProcessEnv; input?: string },
  ): Promise<RunResult>;
  runInHost(
    cmd: string,
    args: string[],
    opts?: { env?: NodeJS.ProcessEnv; input?: string },
  ): Promise<RunResult>;
  /** veth pair: one end enslaved to `bridge` in the host namespace, the other as eth0 in the guest. */
  plugGuest(guest: string, bridge: string, opts?: { mac?: string }): Promise<void>;
  unplugGuest(guest: string): Promise<void>;
  /** busybox udhcpc on the guest's eth0; the lease, or undefined when none came. */
  dhcp(guest: string, opts?: { tries?: number }): Promise<Lease | undefined>;
  /**
   * Another outside namespace sy-<id>-<suffix>, linked to the host by veth `hostIf`
   * with HOST_IP/24 on the host end and PEER_IP/24 on its eth0.
   */
  addWan(suffix: string, hostIf: string, hostIp: string, peerIp: string): Promise<string>;
  /** One ICMP echo with a 1 s timeout. */
  ping(ns: string, ip: string): Promise<boolean>;
  cleanup(): Promise<void>;
}

async function addNs(name: string): Promise<void> {
  await mustRun('ip', ['netns', 'add', name]);
  await mustRun('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
}

function makeDirs(): StateDirs {
  const root = mkdtempSync(join(tmpdir(), 'sy-it-'));
  // dnsmasq re-reads its hosts files as 'nobody', which must be able to walk in.
  chmodSync(root, 0o755);
  return {
    root,
    config: join(root, 'config'),
    run: join(root, 'run'),
    state: join(root, 'state'),
    qemu: join(root, 'qemu'),
  };
}

export async function createTopology(opts: { guests?: number } = {}): Promise<Topology> {
  const id = randomBytes(3).toString('hex');
  const host = `sy-${id}-host`;
  const wan = `sy-${id}-wan`;
  const guests = Array.from({ length: opts.guests ?? 0 }, (_, i) => `sy-${id}-g${i + 1}`);
  const dirs = makeDirs();
  // Written once: rewriting it while another guest's udhcpc runs it fails with ETXTBSY.
  const script = join(dirs.root, 'udhcpc.sh');
  writeFileSync(script, UDHCPC_SCRIPT, { mode: 0o755 });
  const made: string[] = [];
  const safetyNet = () => cleanupSync(made, dirs.root);
  process.on('exit', safetyNet);
  const topo: Topology = {
    id,
    host,
    wan,
    guests,
    dirs,
    env: {
      ...process.env,
      SWITCHYARD_CONFIG_DIR: dirs.config,
      SWITCHYARD_RUN_DIR: dirs.run,
      SWITCHYARD_STATE_DIR: dirs.state,
      SWITCHYARD_QEMU_CONF_DIR: dirs.qemu,
    },
    runIn: (ns, cmd, args, o) => run('ip', ['netns', 'exec', ns, cmd, ...args], o),
    runInHost: (cmd, args, o) => run('ip', ['netns', 'exec', host, cmd, ...args], o),
    plugGuest: async (guest, bridge, o = {}) => {
      const hostEnd = hostEndOf(guest);
      // A guest plugged before (e.g. by a test that failed halfway) is unplugged first.
      await run('ip', ['-n', host, 'link', 'del', hostEnd]);
      await mustRun('ip', [
        '-n',
        host,
        'link',
        'add',
        hostEnd,
        'type',
        'veth',
        'peer',
        'name',
        'eth0',
        'netns',
        guest,
      ]);
      if (o.mac) await mustRun('ip', ['-n', guest, 'link', 'set', 'eth0', 'address', o.mac]);
      await mustRun('ip', ['-n', host, 'link', 'set', hostEnd, 'master', bridge, 'up']);
      await mustRun('ip', ['-n', guest, 'link', 'set', 'eth0', 'up']);
    },
    unplugGuest: async (guest) => {
      await run('ip', ['-n', host, 'link', 'del', hostEndOf(guest)]);
    },
    dhcp: async (guest, o = {}) => {
      const args = ['-f', '-i', 'eth0', '-n', '-q', '-t', String(o.tries ?? 5), '-T', '1', '-s', script];
      const r = await run('ip', ['netns', 'exec', guest, 'busybox', 'udhcpc', ...args]);
      return r.code === 0 ? parseLease(r.stdout, r.ms) : undefined;
    },
    addWan: async (suffix, hostIf, hostIp, peerIp) => {
      const ns = `sy-${id}-${suffix}`;
      await addNs(ns);
      made.push(ns);
      await linkToHost(host, hostIf, ns, hostIp, peerIp);
      return ns;
    },
    ping: async (ns, ip) =>
      (await run('ip', ['netns', 'exec', ns, 'busybox', 'ping', '-c', '1', '-W', '1', ip])).code === 0,
    cleanup: async () => {
      cleanupSync(made, dirs.root);
      process.off('exit', safetyNet);
    },
  };
  try {
    for (const ns of [host, wan, ...guests]) {
      await addNs(ns);
      made.push(ns);
    }
    await linkToHost(host, 'uplink', wan, UPLINK_HOST_IP, UPLINK_WAN_IP);
  } catch (err) {
    await topo.cleanup();
    throw err;
  }
  return topo;
}

async function linkToHost(host: string, hostIf: string, peer: string, hostIp: string, peerIp: string) {
  await mustRun('ip', [
    '-n',
    host,
    'link',
    'add',
    hostIf,
    'type',
    'veth',
    'peer',
    'name',
    'eth0',
    'netns',
    peer,
  ]);
  await mustRun('ip', ['-n', host, 'addr', 'add', `${hostIp}/24`, 'dev', hostIf]);
  await mustRun('ip', ['-n', host, 'link', 'set', hostIf, 'up']);
  await mustRun('ip', ['-n', peer, 'addr', 'add', `${peerIp}/24`, 'dev', 'eth0']);
  await mustRun('ip', ['-n', peer, 'link', 'set', 'eth0', 'up']);
}

/** The host-side veth name of a guest: short (IFNAMSIZ is 16) and unique within the host namespace. */
function hostEndOf(guest: string): string {
  return `v${guest.slice(guest.lastIndexOf('-') + 1)}`;
}

/** Inode of a namespace file; processes whose /proc/PID/ns/net has it live in that namespace. */
function nsInode(path: string): number | undefined {
  try {
    return statSync(path).ino;
  } catch {
    return undefined;
  }
}

/** Whether PID lives in namespace NS (`ip netns exec` switches it before it mounts the namespace's /sys). */
export function livesIn(pid: number, ns: string): boolean {
  const want = nsInode(`/run/netns/${ns}`);
  return want !== undefined && nsInode(`/proc/${pid}/ns/net`) === want;
}

/** Every PID living in one of the given namespaces. */
export function pidsInNamespaces(names: string[]): number[] {
  const inodes = new Set(names.map((n) => nsInode(`/run/netns/${n}`)).filter((i) => i !== undefined));
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      readlinkSync(`/proc/${entry}/ns/net`);
      if (inodes.has(statSync(`/proc/${entry}/ns/net`).ino)) pids.push(Number(entry));
    } catch {
      // The process exited while we looked.
    }
  }
  return pids;
}

function cleanupSync(namespaces: string[], root: string): void {
  for (const pid of pidsInNamespaces(namespaces)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  for (const ns of namespaces.splice(0)) runSync('ip', ['netns', 'del', ns]);
  rmSync(root, { recursive: true, force: true });
}
