// Benchmark of the statistics sampler: 100 bridges with 4 ports each,
// sampled at 1 Hz. Prints the cost of one tick (target < 5 ms) and the CPU share of
// the whole process while sampling (target < 1% of one core), plus the idle cost.
// Needs root: it builds the bridges in a private network namespace (ports are veth
// pairs whose other ends sit in a second namespace, as guests' would) and deletes
// both namespaces at the end, also on Ctrl-C. The first ticks (JIT, history
// allocation) are a warm-up and are reported apart from the steady state.
//
//   node dist/bench/stats-sampler.js [SECONDS=30] [BRIDGES=100] [PORTS=4]
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { COARSE_SECONDS, FINE_SECONDS, ProcfsCounterSource, StatsSampler } from '../host/stats/index.js';

const seconds = Number(process.argv[2] ?? 30);
const bridges = Number(process.argv[3] ?? 100);
const ports = Number(process.argv[4] ?? 4);
const id = randomBytes(3).toString('hex');
const ns = `sy-bench-${id}`;
const peers = `sy-bench-${id}-p`;
let sleeper: ChildProcess | undefined;

function ip(args: string[], input?: string): void {
  execFileSync('ip', args, { input: input ?? '', stdio: ['pipe', 'ignore', 'pipe'] });
}

function cleanup(): void {
  if (sleeper?.pid) sleeper.kill('SIGKILL');
  for (const n of [ns, peers]) {
    try {
      ip(['netns', 'del', n]);
    } catch {
      // Not created, or already gone.
    }
  }
}

/** Independent bridges (no link between two of them, so no loop), each with its ports. */
function build(): void {
  ip(['netns', 'add', ns]);
  ip(['netns', 'add', peers]);
  const lines: string[] = [];
  for (let b = 0; b < bridges; b++) {
    lines.push(`link add sybr${b} type bridge stp_state 0`, `link set sybr${b} up`);
    for (let p = 0; p < ports; p++) {
      lines.push(`link add sy${b}p${p} type veth peer name sy${b}q${p} netns ${peers}`);
      lines.push(`link set sy${b}p${p} master sybr${b} up`);
    }
  }
  ip(['-n', ns, '-batch', '-'], `${lines.join('\n')}\n`);
}

const WARMUP_S = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('needs root (it creates network namespaces)');
  build();
  // A process inside the namespace lets this one read it through /proc/PID.
  sleeper = spawn('ip', ['netns', 'exec', ns, 'sleep', String(seconds + 120)], { stdio: 'ignore' });
  await sleep(300);
  const source = new ProcfsCounterSource({
    procNetDev: `/proc/${sleeper.pid}/net/dev`,
    sysClassNet: `/proc/${sleeper.pid}/root/sys/class/net`,
  });
  const ticks: number[] = [];
  /** CPU of the whole process from one tick to the next: the sampler's true cost. */
  const periods: number[] = [];
  let lastCpu = process.cpuUsage();
  let measuring = false;
  const warmup: number[] = [];
  const sampler = new StatsSampler({
    source,
    onTick: (ms) => {
      const now = process.cpuUsage();
      if (measuring) {
        ticks.push(ms);
        periods.push(cpuMs(process.cpuUsage(lastCpu)));
      } else warmup.push(ms);
      lastCpu = now;
    },
  });

  const idleStart = process.cpuUsage();
  await sleep(5000);
  const idleCpu = cpuMs(process.cpuUsage(idleStart));

  let samples = 0;
  let linksPerTick = 0;
  const stops = Array.from({ length: bridges }, (_, b) =>
    sampler.subscribe(`sybr${b}`, (s) => {
      samples++;
      if (b === 0) linksPerTick = 0;
      linksPerTick += 1 + s.ports.length;
    }),
  );
  await sleep(WARMUP_S * 1000);
  measuring = true;
  const heapBefore = process.memoryUsage().heapUsed;
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  await sleep(seconds * 1000);
  const cpu = cpuMs(process.cpuUsage(cpuStart));
  const wall = performance.now() - wallStart;
  for (const stop of stops) stop();
  const heapAfter = process.memoryUsage().heapUsed;

  const sorted = [...ticks].sort((a, b) => a - b);
  const mean = ticks.reduce((a, b) => a + b, 0) / ticks.length;
  const cpuSorted = [...periods].sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(2);
  const historyBytes = (FINE_SECONDS * (8 + 8 * 4) + (COARSE_SECONDS / 60) * (8 + 8 * 4)) * bridges;
  console.log(
    `stats sampler: ${bridges} bridges x ${ports} ports = ${bridges * (ports + 1)} links, 1 Hz, ${seconds} s after a ${WARMUP_S} s warm-up`,
  );
  console.log(`  warm-up tick wall times ms: ${warmup.map(fmt).join(' ')}`);
  console.log(`  ticks: ${ticks.length}, samples delivered: ${samples}, links per tick: ${linksPerTick}`);
  console.log(
    `  tick wall time ms: mean ${fmt(mean)}  median ${fmt(percentile(sorted, 50))}  p95 ${fmt(percentile(sorted, 95))}  max ${fmt(sorted[sorted.length - 1] ?? Number.NaN)}  (target < 5)`,
  );
  console.log(
    `  process CPU while sampling: ${fmt(cpu)} ms over ${fmt(wall / 1000)} s = ${fmt((cpu / wall) * 100)}% of one core (target < 1%)`,
  );
  console.log(
    `  process CPU per tick period ms: median ${fmt(percentile(cpuSorted, 50))}  p95 ${fmt(percentile(cpuSorted, 95))}  max ${fmt(cpuSorted[cpuSorted.length - 1] ?? Number.NaN)}`,
  );
  console.log(
    `  process CPU with nobody watching: ${fmt(idleCpu)} ms over 5 s = ${fmt((idleCpu / 5000) * 100)}%`,
  );
  console.log(
    `  history when full (1 h at 1 s + 24 h at 1 min): ${(historyBytes / 1048576).toFixed(1)} MiB for ${bridges} bridges; heap grew ${((heapAfter - heapBefore) / 1048576).toFixed(1)} MiB in this run`,
  );
  console.log(`  load average at the end: ${execFileSync('cat', ['/proc/loadavg']).toString().trim()}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

main()
  .catch((err: unknown) => {
    console.error(`stats-sampler benchmark failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  })
  .finally(cleanup);
