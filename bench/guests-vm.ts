// Figures for VMs on Switchyard networks, as root (prints a table, asserts nothing):
//  - power-on to DHCP lease of a real VM (QEMU, TCG, SeaBIOS + iPXE through
//    qemu-bridge-helper) on Switchyard's default network (STP off, no-ping) and on
//    libvirt's stock default.xml (STP on, dnsmasq's ping check);
//  - a restart with a VM on the network: how many ports came back, and how long until
//    the VM answered at its address again;
//  - what a guest gets through <bandwidth> (iperf3, namespace guests), against the
//    limit and against an unlimited network.
//
//   npm run bench:guests [-- --reps 3]
//
// Everything lives in namespaces sy-gbench-<random>-*, removed at the end, on error
// and on SIGINT; /etc/qemu/bridge.conf is taken for the run and put back.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultNetworkDef } from '../core/define/default-network.js';
import type { NetworkDef } from '../core/model/network.js';
import { formatNetworkXml } from '../core/xml/format-network.js';
import { Cleanup } from './engine-cleanup.js';
import { randomGuestMac } from './engine-guest.js';
import { run, sleep, track } from './engine-procs.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(repo, 'dist/cli/main.js');
const LIBVIRT_DEFAULT = join(repo, '../shared/reference/libvirt-9.0/input/default.xml');
const SYSTEM_CONF = '/etc/qemu/bridge.conf';
const LIMIT_KBPS = 1000;
const log = (line: string): void => void process.stderr.write(`[guests] ${line}\n`);

interface World {
  host: string;
  guests: [string, string];
  tmp: string;
  env: NodeJS.ProcessEnv;
  cleanup: Cleanup;
}

const sy = (w: World, args: string[]) =>
  run('ip', ['netns', 'exec', w.host, process.execPath, cli, ...args], { env: w.env });

async function makeWorld(cleanup: Cleanup): Promise<World> {
  const id = randomBytes(3).toString('hex');
  const host = `sy-gbench-${id}-host`;
  const guests: [string, string] = [`sy-gbench-${id}-g1`, `sy-gbench-${id}-g2`];
  const tmp = mkdtempSync(join(tmpdir(), 'sy-gbench-'));
  cleanup.add('temp dir', () => rmSync(tmp, { recursive: true, force: true }));
  for (const ns of [host, ...guests]) {
    await run('ip', ['netns', 'add', ns]);
    cleanup.add(`namespace ${ns}`, () => run('ip', ['netns', 'del', ns], { allowFail: true }).then(() => {}));
    await run('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
  }
  const qemuDir = join(tmp, 'qemu');
  mkdirSync(qemuDir, { recursive: true });
  takeSystemConf(cleanup, `include ${qemuDir}/bridge.conf\n`);
  const env = {
    ...process.env,
    SWITCHYARD_CONFIG_DIR: join(tmp, 'config'),
    SWITCHYARD_RUN_DIR: join(tmp, 'run'),
    SWITCHYARD_STATE_DIR: join(tmp, 'state'),
    SWITCHYARD_QEMU_CONF_DIR: qemuDir,
    SWITCHYARD_NO_DEFAULT: '1',
  };
  return { host, guests, tmp, env, cleanup };
}

/** The helper reads only /etc/qemu/bridge.conf: ours for the run, the machine's put back. */
function takeSystemConf(cleanup: Cleanup, content: string): void {
  const dirExisted = existsSync('/etc/qemu');
  const saved = existsSync(SYSTEM_CONF) ? readFileSync(SYSTEM_CONF) : undefined;
  cleanup.add('/etc/qemu/bridge.conf', () => {
    if (saved) writeFileSync(SYSTEM_CONF, saved);
    else rmSync(SYSTEM_CONF, { force: true });
    if (!dirExisted) rmdirSync('/etc/qemu');
  });
  mkdirSync('/etc/qemu', { recursive: true });
  writeFileSync(SYSTEM_CONF, content);
}

interface BootedVm {
  mac: string;
  poweredOn: number;
  stop(): Promise<void>;
}

function bootVm(w: World, bridge: string): BootedVm {
  const mac = randomGuestMac();
  const args = [
    ...[
      'netns',
      'exec',
      w.host,
      'qemu-system-x86_64',
      '-accel',
      'tcg',
      '-m',
      '128',
      '-nographic',
      '-boot',
      'n',
    ],
    ...['-netdev', `bridge,id=n0,br=${bridge}`, '-device', `virtio-net-pci,netdev=n0,mac=${mac}`],
    ...['-serial', 'null', '-monitor', 'none', '-display', 'none'],
  ];
  const poweredOn = performance.now();
  const child = track(spawn('ip', args, { stdio: 'ignore' }));
  const exited = new Promise((r) => child.once('exit', r));
  return {
    mac,
    poweredOn,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Polls the lease file (no fixed wait): ms from power-on to the VM's lease. */
async function leaseTime(w: World, net: string, vm: BootedVm): Promise<number> {
  const file = join(w.tmp, 'state', `${net}.leases`);
  for (;;) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (text.includes(` ${vm.mac} `)) return performance.now() - vm.poweredOn;
    if (performance.now() - vm.poweredOn > 300_000) throw new Error(`no lease for ${vm.mac} in 300 s`);
    await sleep(50);
  }
}

async function withNetwork<T>(
  w: World,
  name: string,
  xml: string,
  fn: (bridge: string) => Promise<T>,
): Promise<T> {
  const file = join(w.tmp, `${name}.xml`);
  writeFileSync(file, xml);
  await sy(w, ['net-define', file]);
  await sy(w, ['net-user-attach', name, '--on']);
  await sy(w, ['net-start', name]);
  try {
    const info = JSON.parse((await sy(w, ['net-info', name, '--json'])).stdout) as { bridge: string };
    return await fn(info.bridge);
  } finally {
    await sy(w, ['net-destroy', name]);
    await sy(w, ['net-undefine', name]);
  }
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function leaseFigures(w: World, reps: number): Promise<string[]> {
  const variants: [string, string][] = [
    [
      "Switchyard's default network (STP off, no-ping)",
      formatNetworkXml(emptyHostDefault(), {
        inactive: true,
      }),
    ],
    ["libvirt's default.xml (STP on, ping check)", readFileSync(LIBVIRT_DEFAULT, 'utf8')],
  ];
  const rows: string[] = [];
  for (const [label, xml] of variants) {
    const times = await withNetwork(w, 'default', xml, async (bridge) => {
      const out: number[] = [];
      for (let i = 0; i < reps; i++) {
        w.cleanup.check();
        const vm = bootVm(w, bridge);
        try {
          out.push(await leaseTime(w, 'default', vm));
        } finally {
          await vm.stop();
        }
      }
      return out;
    });
    log(`${label}: ${times.map((t) => (t / 1000).toFixed(1)).join(', ')} s`);
    rows.push(
      `| VM power-on to lease, ${label} | ${(median(times) / 1000).toFixed(1)} s | median of ${reps} |`,
    );
  }
  return rows;
}

async function restartFigures(w: World): Promise<string[]> {
  const xml = formatNetworkXml(emptyHostDefault(), {
    inactive: true,
  });
  return withNetwork(w, 'default', xml, async (bridge) => {
    const vm = bootVm(w, bridge);
    try {
      await leaseTime(w, 'default', vm);
      const lease = readFileSync(join(w.tmp, 'state', 'default.leases'), 'utf8');
      const ip =
        lease
          .split('\n')
          .find((l) => l.includes(vm.mac))
          ?.split(' ')[2] ?? '';
      const t0 = performance.now();
      await sy(w, ['net-destroy', 'default']);
      await sy(w, ['net-start', 'default']);
      const restartMs = performance.now() - t0;
      const ports = JSON.parse((await sy(w, ['net-ports', 'default', '--json'])).stdout) as {
        ports: unknown[];
      };
      for (;;) {
        const ping = await run('ip', ['netns', 'exec', w.host, 'busybox', 'ping', '-c', '1', '-W', '1', ip], {
          allowFail: true,
        });
        if (ping.code === 0) break;
        if (performance.now() - t0 > 60_000)
          throw new Error(`the VM at ${ip} did not answer after the restart`);
      }
      const backMs = performance.now() - t0;
      return [
        `| VMs re-attached after a restart (net-destroy, net-start) | ${ports.ports.length} of 1 | restart ${restartMs.toFixed(0)} ms |`,
        `| restart to the VM answering a ping at its address | ${backMs.toFixed(0)} ms | |`,
      ];
    } finally {
      await vm.stop();
    }
  });
}

async function iperf(w: World, guest: string, ip: string, reverse: boolean): Promise<number> {
  const server = track(
    spawn('ip', ['netns', 'exec', w.host, 'iperf3', '-s', '-1', '--forceflush', '-B', ip], {
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  );
  const exited = new Promise((r) => server.once('exit', r));
  try {
    await new Promise<void>((resolve) => {
      let out = '';
      server.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('Server listening')) resolve();
      });
    });
    const r = await run('ip', [
      'netns',
      'exec',
      guest,
      'iperf3',
      '-c',
      ip,
      '-t',
      '4',
      '-O',
      '1',
      '-J',
      ...(reverse ? ['-R'] : []),
    ]);
    return (
      (JSON.parse(r.stdout) as { end: { sum_received: { bits_per_second: number } } }).end.sum_received
        .bits_per_second / 8
    );
  } finally {
    server.kill('SIGKILL');
    await exited;
  }
}

/** A veth whose host end is a port of BRIDGE and whose far end is the guest's eth0 with ADDRESS. */
async function plug(w: World, guest: string, bridge: string, hostIf: string, address: string): Promise<void> {
  const peer = ['peer', 'name', 'eth0', 'netns', guest];
  await run('ip', ['-n', w.host, 'link', 'add', hostIf, 'master', bridge, 'up', 'type', 'veth', ...peer]);
  await run('ip', ['-n', guest, 'addr', 'add', address, 'dev', 'eth0']);
  await run('ip', ['-n', guest, 'link', 'set', 'eth0', 'up']);
}

async function bandwidthFigures(w: World): Promise<string[]> {
  const net = (name: string, bridge: string, third: number, extra: string) =>
    `<network><name>${name}</name><forward mode='nat'/><bridge name='${bridge}' stp='off'/>${extra}<ip address='192.168.${third}.1' netmask='255.255.255.0'/></network>`;
  const limits = `<bandwidth><inbound average='${LIMIT_KBPS}'/><outbound average='${LIMIT_KBPS}'/></bandwidth>`;
  return withNetwork(w, 'slow', net('slow', 'sygslow', 231, limits), async () =>
    withNetwork(w, 'fast', net('fast', 'sygfast', 232, ''), async () => {
      const [g1, g2] = w.guests;
      await plug(w, g1, 'sygslow', 'vgb1', '192.168.231.50/24');
      await plug(w, g2, 'sygfast', 'vgb2', '192.168.232.50/24');
      const up = await iperf(w, g1, '192.168.231.1', false);
      const down = await iperf(w, g1, '192.168.231.1', true);
      const free = await iperf(w, g2, '192.168.232.1', true);
      const kb = (v: number) => `${(v / 1000).toFixed(0)} KB/s`;
      return [
        `| <bandwidth> ${LIMIT_KBPS} KB/s: guest sends (outbound, IFB) | ${kb(up)} | ${(up / (LIMIT_KBPS * 1000)).toFixed(2)}× the limit |`,
        `| <bandwidth> ${LIMIT_KBPS} KB/s: guest receives (inbound, HTB on the bridge) | ${kb(down)} | ${(down / (LIMIT_KBPS * 1000)).toFixed(2)}× the limit |`,
        `| unlimited network, same run | ${kb(free)} | ${(free / (LIMIT_KBPS * 1000)).toFixed(0)}× the limit |`,
      ];
    }),
  );
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('run as root: the bench makes network namespaces');
  const { values } = parseArgs({ options: { reps: { type: 'string', default: '3' } } });
  const reps = Number(values.reps);
  const cleanup = new Cleanup(log);
  cleanup.installSignalHandlers();
  try {
    const w = await makeWorld(cleanup);
    const rows = [
      ...(await leaseFigures(w, reps)),
      ...(await restartFigures(w)),
      ...(existsSync('/usr/bin/iperf3') ? await bandwidthFigures(w) : ['| <bandwidth> | iperf3 missing | |']),
    ];
    process.stdout.write(`| figure | value | note |\n| --- | --- | --- |\n${rows.join('\n')}\n`);
  } finally {
    await cleanup.runAll();
  }
}

await main();

/** The default network as first use defines it on a host with nothing in use. */
function emptyHostDefault(): NetworkDef {
  const def = defaultNetworkDef({ subnetsInUse: [], usedBridgeNames: new Set() });
  if (!def.ok) throw new Error(def.error.message);
  return def.value;
}
