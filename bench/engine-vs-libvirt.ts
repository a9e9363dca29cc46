// Switchyard's engine against libvirt 9.0's network driver, side by side in
// one run, as root. Prints a markdown table of medians with ratios (libvirt/Switchyard)
// and the targets; progress goes to stderr.
//
//   node dist/bench/engine-vs-libvirt.js [--reps 20] [--list-reps 10] [--lease-reps R]
//     [--many 1000] [--lv-many M] [--mem-nets 10] [--only floor,cycle,memory,lease,burst,list]
//     [--libvirt-tools DIR] [--json FILE]
//
// Everything happens in namespaces named sy-bench-<random>-*: Switchyard's host (the
// engine runs there, bench/engine-runner.ts), libvirt's host (libvirtd, started by
// libvirt-baseline/setup.sh), one guest, and eight more for the burst section. All of
// it — namespaces, dnsmasq, libvirtd, temp dirs — is removed at the end, on error and
// on SIGINT/SIGTERM.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Cleanup } from './engine-cleanup.js';
import {
  type BenchContext,
  type BenchOptions,
  BURST_GUESTS,
  SECTIONS,
  type Section,
} from './engine-context.js';
import { writeUdhcpcHook } from './engine-guest.js';
import { Libvirt } from './engine-libvirt.js';
import { cmdlineOf, isAlive, processesIn } from './engine-memory.js';
import { run, sleep } from './engine-procs.js';
import { renderReport } from './engine-report.js';
import { RunnerClient } from './engine-runner-client.js';
import { benchBurst } from './engine-section-burst.js';
import { benchCycle, benchFloor } from './engine-section-cycle.js';
import { benchLease } from './engine-section-lease.js';
import { benchList } from './engine-section-list.js';
import { benchMemory } from './engine-section-memory.js';
import { Samples } from './engine-stats.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const log = (line: string): void => {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

function readOptions(): BenchOptions {
  const { values } = parseArgs({
    options: {
      reps: { type: 'string', default: '20' },
      'list-reps': { type: 'string', default: '10' },
      'lease-reps': { type: 'string' },
      many: { type: 'string', default: '1000' },
      'lv-many': { type: 'string' },
      'mem-nets': { type: 'string', default: '10' },
      only: { type: 'string', default: SECTIONS.join(',') },
      'libvirt-tools': { type: 'string', default: resolve(repoRoot, '../shared/tools/libvirt-baseline') },
      json: { type: 'string' },
    },
  });
  const count = (name: string, v: string | undefined): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} wants a whole number ≥ 1, not '${v}'`);
    return n;
  };
  const sections = new Set(values.only.split(',').map((x) => x.trim()));
  for (const x of sections)
    if (!SECTIONS.includes(x as Section))
      throw new Error(`--only: unknown section '${x}' (${SECTIONS.join(', ')})`);
  const reps = count('reps', values.reps);
  const many = count('many', values.many);
  return {
    reps,
    listReps: count('list-reps', values['list-reps']),
    leaseReps: count('lease-reps', values['lease-reps'] ?? String(reps)),
    many,
    lvMany: count('lv-many', values['lv-many'] ?? String(many)),
    memNets: count('mem-nets', values['mem-nets']),
    sections: sections as Set<Section>,
    toolsDir: values['libvirt-tools'],
    jsonOut: values.json,
  };
}

async function addNetns(name: string, cleanup: Cleanup): Promise<void> {
  await run('ip', ['netns', 'add', name]);
  cleanup.add(`delete netns ${name}`, () =>
    run('ip', ['netns', 'del', name], { allowFail: true, detached: true }).then(() => {}),
  );
  await run('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
}

/** dnsmasq started by our engine in our namespace (its config lies in our temp dir), by PID. */
async function endOurDnsmasq(netns: string, tmp: string): Promise<void> {
  const pids = processesIn(netns, 'dnsmasq').filter((p) => cmdlineOf(p).includes(tmp));
  for (const p of pids) process.kill(p, 'SIGTERM');
  for (let i = 0; i < 20 && pids.some(isAlive); i++) await sleep(100);
  for (const p of pids.filter(isAlive)) process.kill(p, 'SIGKILL');
}

const loadavg = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function main(): Promise<void> {
  const opts = readOptions();
  if (process.geteuid?.() !== 0)
    throw new Error('run as root (it creates network namespaces and starts libvirtd)');
  const id = `sy-bench-${randomBytes(3).toString('hex')}`;
  const cleanup = new Cleanup(log);
  cleanup.installSignalHandlers();
  const loadStart = loadavg();
  try {
    const tmp = mkdtempSync(join(tmpdir(), `${id}-`));
    cleanup.add(`remove ${tmp}`, () => rmSync(tmp, { recursive: true, force: true }));
    const c = await prepare(opts, id, tmp, cleanup);
    const sections: Record<Section, (c: BenchContext) => Promise<void>> = {
      floor: benchFloor,
      cycle: benchCycle,
      memory: benchMemory,
      lease: benchLease,
      burst: benchBurst,
      list: benchList,
    };
    for (const name of SECTIONS) if (opts.sections.has(name)) await sections[name](c);
    const header = {
      title: 'Switchyard vs libvirt 9.0: network engine',
      settings: [
        `${new Date().toISOString()}, kernel ${release()}, ${cpus().length} CPUs, node ${process.version};`,
        `reps=${opts.reps}, list-reps=${opts.listReps}, lease-reps=${opts.leaseReps}, many=${opts.many}, lv-many=${opts.lvMany}, mem-nets=${opts.memNets};`,
        `load average at start ${loadStart}, at end ${loadavg()}.`,
      ].join(' '),
      many: opts.many,
      lvMany: opts.lvMany,
    };
    if (opts.jsonOut)
      writeFileSync(opts.jsonOut, `${JSON.stringify({ header, samples: c.samples }, null, 1)}\n`);
    process.stdout.write(renderReport(c.samples, header, c.notes));
  } finally {
    log('cleaning up');
    await cleanup.runAll();
  }
}

async function prepare(opts: BenchOptions, id: string, tmp: string, cleanup: Cleanup): Promise<BenchContext> {
  const syNetns = `${id}-sy`;
  const lvNetns = `${id}-lv`;
  const guestNetns = `${id}-guest`;
  const burstNetns = opts.sections.has('burst')
    ? Array.from({ length: BURST_GUESTS }, (_, i) => `${id}-burst${i}`)
    : [];
  const lv = new Libvirt({
    toolsDir: opts.toolsDir,
    netns: lvNetns,
    stateDir: `/run/${id}-libvirt`,
    guestPrefix: `${id}-lvg-`,
    wanNetns: `${id}-lvwan`,
    stockXmlFallback: resolve(repoRoot, '../shared/reference/libvirt-9.0/input/default.xml'),
  });
  await addNetns(guestNetns, cleanup);
  for (const ns of burstNetns) await addNetns(ns, cleanup);
  await addNetns(syNetns, cleanup);
  cleanup.add('end our dnsmasq', () => endOurDnsmasq(syNetns, tmp));
  cleanup.add('libvirt teardown.sh', () => lv.teardown());
  log(`libvirt: setup.sh (namespace ${lvNetns})`);
  log(await lv.setup());
  const env = {
    ...process.env,
    SWITCHYARD_CONFIG_DIR: join(tmp, 'sy', 'networks'),
    SWITCHYARD_RUN_DIR: join(tmp, 'sy', 'run'),
    SWITCHYARD_STATE_DIR: join(tmp, 'sy', 'dnsmasq'),
    SWITCHYARD_NO_DEFAULT: '1',
  };
  const sy = new RunnerClient(syNetns, env);
  cleanup.add('stop engine runner', () => sy.close());
  await sy.call({ op: 'list' });
  log(`switchyard: engine runner pid ${sy.pid} in namespace ${syNetns}`);
  return {
    opts,
    sy,
    lv,
    samples: new Samples(),
    notes: [],
    syNetns,
    lvNetns,
    guestNetns,
    burstNetns,
    tmp,
    hook: writeUdhcpcHook(tmp),
    cleanup,
    log,
  };
}

main().catch((err: unknown) => {
  log(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
