// The statistics sampler against a real bridge with real traffic: a bridge in the
// topology's host namespace, two guests on veth ports, a known number of bytes sent
// (fixed-size pings), and the sampler's totals compared with what was sent. The
// sampler runs in this process and reads the host namespace through a process that
// lives there (/proc/PID/net/dev and /proc/PID/root/sys/class/net).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Counter } from '../../host/readers/bridge-stats.js';
import { type CounterSource, ProcfsCounterSource } from '../../host/stats/counter-source.js';
import { type BridgeSample, StatsSampler } from '../../host/stats/sampler.js';
import { type ChildExit, exitOf } from '../support/child-exit.js';
import { pollUntil } from '../support/poll-until.js';
import { commandOf } from '../support/process-state.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, livesIn, type Topology } from './harness/topology.js';

const BRIDGE = 'systats0';
const PINGS = 150;
const PAYLOAD = 1000;
/** ICMP header 8, IPv4 header 20, Ethernet header 14: what a veth port counts per frame. */
const FRAME = PAYLOAD + 8 + 20 + 14;
const INTERVAL_S = 0.02;

let topo: Topology;
let sleeper: ChildProcess;
let sleeperExit: Promise<ChildExit> | undefined;
let source: CounterSource & { reads: number };

/** Counts reads, so the test can tell whether the sampler is sampling. */
function countingSource(pid: number): CounterSource & { reads: number } {
  const inner = new ProcfsCounterSource({
    procNetDev: `/proc/${pid}/net/dev`,
    sysClassNet: `/proc/${pid}/root/sys/class/net`,
  });
  const counting = {
    reads: 0,
    readAll: () => {
      counting.reads++;
      return inner.readAll();
    },
    ports: (bridge: string) => inner.ports(bridge),
  };
  return counting;
}

/** execFile with no stdin pipe (writing to the pipe of a command that already exited raises EPIPE). */
function mustRun(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')}: ${stderr.trim() || err.message}`));
      else resolve(stdout);
    }).stdin?.destroy();
  });
}

/** A sample takes one interval (1 s); a busy machine may stretch that a lot before it is broken. */
const SAMPLES_WITHIN = { timeoutMs: 30_000 };

/**
 * Lets N intervals pass by the clock of a sampler that is watched (its own source):
 * what an idle sampler is compared against, instead of a guessed number of ms.
 */
async function intervalsPass(n: number): Promise<void> {
  const ticks = countingSource(sleeper.pid as number);
  const reference = new StatsSampler({ source: ticks });
  const stop = reference.subscribe(BRIDGE, () => {});
  const baseline = ticks.reads;
  try {
    await pollUntil(`${n} intervals of a watched sampler`, () => ticks.reads >= baseline + n, SAMPLES_WITHIN);
  } finally {
    stop();
  }
}

/** Sum of rate × interval over the samples: the bytes (or packets) the sampler saw move. */
function total(samples: BridgeSample[], link: string, counter: Counter): number {
  let sum = 0;
  for (const s of samples) {
    const l = link === s.bridge ? s.total : s.ports.find((p) => p.link === link);
    if (l) sum += l.rates[counter] * s.seconds;
  }
  return sum;
}

describe.skipIf(skipReason !== undefined)(
  `statistics sampler${skipReason ? ` (skipped: ${skipReason})` : ''}`,
  () => {
    beforeAll(async () => {
      topo = await createTopology({ guests: 2 });
      const [a, b] = topo.guests as [string, string];
      // No IPv6 (router solicitations, MLD) so the only traffic is what the test sends.
      for (const ns of [topo.host, a, b]) {
        await mustRun('ip', [
          'netns',
          'exec',
          ns,
          'busybox',
          'sysctl',
          '-qw',
          'net.ipv6.conf.all.disable_ipv6=1',
        ]);
        await mustRun('ip', [
          'netns',
          'exec',
          ns,
          'busybox',
          'sysctl',
          '-qw',
          'net.ipv6.conf.default.disable_ipv6=1',
        ]);
      }
      await mustRun('ip', ['-n', topo.host, 'link', 'add', BRIDGE, 'type', 'bridge', 'stp_state', '0']);
      await mustRun('ip', ['-n', topo.host, 'addr', 'add', '10.98.0.1/24', 'dev', BRIDGE]);
      await mustRun('ip', ['-n', topo.host, 'link', 'set', BRIDGE, 'up']);
      await topo.plugGuest(a, BRIDGE);
      await topo.plugGuest(b, BRIDGE);
      await mustRun('ip', ['-n', a, 'addr', 'add', '10.98.0.11/24', 'dev', 'eth0']);
      await mustRun('ip', ['-n', b, 'addr', 'add', '10.98.0.12/24', 'dev', 'eth0']);
      // Resolve the neighbours now so ARP does not land in the measured window.
      await mustRun('ip', ['netns', 'exec', a, 'busybox', 'ping', '-c', '1', '-W', '2', '10.98.0.12']);
      await mustRun('ip', ['netns', 'exec', a, 'busybox', 'ping', '-c', '1', '-W', '2', '10.98.0.1']);
      sleeper = spawn('ip', ['netns', 'exec', topo.host, 'sleep', '600'], { stdio: 'ignore' });
      sleeperExit = exitOf(sleeper);
      const pid = sleeper.pid as number;
      // `ip netns exec` execs sleep only once the namespace and its /sys are in place.
      await pollUntil(`sleep ${pid} to run in ${topo.host}`, () => {
        if (sleeper.exitCode !== null) throw new Error(`ip netns exec sleep exited ${sleeper.exitCode}`);
        return commandOf(pid) === 'sleep' && livesIn(pid, topo.host);
      });
      source = countingSource(pid);
    });

    afterAll(async () => {
      if (sleeper?.exitCode === null) sleeper.kill('SIGKILL');
      await sleeperExit;
      await topo?.cleanup();
    });

    /** Pings from guest a to `target`; returns the samples taken while they ran, and the wall time. */
    async function measure(
      sampler: StatsSampler,
      target: string,
    ): Promise<{ samples: BridgeSample[]; seconds: number }> {
      const samples: BridgeSample[] = [];
      const stop = sampler.subscribe(BRIDGE, (s) => samples.push(s));
      try {
        // A whole quiet sample first, so the traffic starts well after the baseline read.
        await pollUntil('the first sample', () => samples.length >= 1, SAMPLES_WITHIN);
        const t0 = performance.now();
        await mustRun('ip', [
          'netns',
          'exec',
          topo.guests[0] ?? '',
          'busybox',
          'ping',
          '-q',
          '-c',
          String(PINGS),
          '-s',
          String(PAYLOAD),
          '-i',
          String(INTERVAL_S),
          target,
        ]);
        const seconds = (performance.now() - t0) / 1000;
        // Counters read after the ping exited include all of its frames (a tick reads and
        // delivers in one go); at least four samples make a peak and a mean comparable.
        const beforeEnd = samples.length;
        await pollUntil(
          'a sample after the ping, and four in all',
          () => samples.length > beforeEnd && samples.length >= 4,
          SAMPLES_WITHIN,
        );
        return { samples, seconds };
      } finally {
        stop();
      }
    }

    test('guest-to-guest traffic shows on the ports, within 5% of what was sent', async () => {
      const sampler = new StatsSampler({ source });
      const { samples } = await measure(sampler, '10.98.0.12');
      const sent = PINGS * FRAME;
      const portA = 'vg1';
      const portB = 'vg2';
      // Requests enter the bridge on a's port and leave on b's; replies the other way.
      for (const [link, counter] of [
        [portA, 'rx_bytes'],
        [portB, 'tx_bytes'],
        [portB, 'rx_bytes'],
        [portA, 'tx_bytes'],
      ] as const) {
        const seen = total(samples, link, counter);
        expect(
          Math.abs(seen - sent) / sent,
          `${link} ${counter}: saw ${seen} bytes, sent ${sent}`,
        ).toBeLessThan(0.05);
      }
      const packets = total(samples, portA, 'rx_packets');
      expect(Math.abs(packets - PINGS) / PINGS).toBeLessThan(0.05);
      // Rates are never negative, and each is over its sample's own interval (the byte
      // totals above are rates times seconds): how long an interval really lasted on a
      // busy machine does not matter.
      const peak = Math.max(
        ...samples.map((s) => s.ports.find((p) => p.link === portA)?.rates.rx_bytes ?? 0),
      );
      expect(peak).toBeGreaterThan(0);
      for (const s of samples) {
        for (const l of [s.total, ...s.ports])
          for (const v of Object.values(l.rates)) expect(v).toBeGreaterThanOrEqual(0);
        expect(s.seconds).toBeGreaterThan(0);
      }
      // Frames between two guests never pass through the bridge device itself.
      expect(total(samples, BRIDGE, 'rx_bytes')).toBeLessThan(sent * 0.05);
    });

    test('guest-to-host traffic shows on the bridge device', async () => {
      const sampler = new StatsSampler({ source });
      const { samples } = await measure(sampler, '10.98.0.1');
      const sent = PINGS * FRAME;
      // The host stack gets the frames without their Ethernet header.
      const received = total(samples, BRIDGE, 'rx_bytes');
      expect(Math.abs(received - sent) / sent, `bridge rx: saw ${received}, sent ${sent}`).toBeLessThan(0.05);
      const replied = total(samples, BRIDGE, 'tx_bytes');
      expect(Math.abs(replied - sent) / sent, `bridge tx: saw ${replied}, sent ${sent}`).toBeLessThan(0.05);
      expect(sampler.history(BRIDGE, 60).at.length).toBe(samples.length);
    });

    test('reads nothing while nobody watches, and stops when the last watcher leaves', async () => {
      const sampler = new StatsSampler({ source });
      const before = source.reads;
      await intervalsPass(2);
      expect(source.reads).toBe(before);
      const first = sampler.subscribe(BRIDGE, () => {});
      const second = sampler.subscribe(BRIDGE, () => {});
      // The baseline read at subscribe, then the timer's.
      await pollUntil('a read after the baseline', () => source.reads - before >= 2, SAMPLES_WITHIN);
      first();
      expect(sampler.running).toBe(true);
      second();
      expect(sampler.running).toBe(false);
      const stopped = source.reads;
      await intervalsPass(2);
      expect(source.reads).toBe(stopped);
    });
  },
);
