// Where the CLI's start-up goes: the process floor (`node -e 0`), whole commands
// that touch no host state (help, net-validate), and the evaluation cost of the
// module groups a verb may pull in, each measured in a fresh process.
//
//   node dist/bench/cli-startup.js [--reps 10] [--bundle dist/cli-bundle/main.js]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sample = `${root}../shared/conformance/libvirt/xml2conf/isolated-network.xml`;

function wallMs(args: readonly string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Milliseconds a fresh process spends evaluating MODULE (dist path), printed by the child. */
function importMs(module: string): number {
  const code = `const t=performance.now();await import(${JSON.stringify(`${root}dist/${module}`)});process.stdout.write(String(performance.now()-t))`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`importing ${module} failed: ${r.stderr}`);
  return Number(r.stdout);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const repeat = (n: number, f: () => number): number => median(Array.from({ length: n }, f));

const { values } = parseArgs({
  options: {
    reps: { type: 'string', default: '10' },
    bundle: { type: 'string', default: `${root}dist/cli-bundle/main.js` },
  },
});
const reps = Number(values.reps);
const bundle = values.bundle;
const rows: [string, number][] = [
  ['node -e 0 (process floor)', repeat(reps, () => wallMs(['-e', '0']))],
  ['switchyard help (wall)', repeat(reps, () => wallMs([bundle, 'help']))],
  ['switchyard net-validate FILE (wall)', repeat(reps, () => wallMs([bundle, 'net-validate', sample]))],
  ['eval: XML reader + validation (core/definition)', repeat(reps, () => importMs('core/definition.js'))],
  ['eval: engine + registry (cli/open-registry)', repeat(reps, () => importMs('cli/open-registry.js'))],
  ['eval: zod contract (contract/helper)', repeat(reps, () => importMs('contract/helper.js'))],
];
process.stdout.write(`| CLI start-up, median of ${reps} | ms |\n|---|---|\n`);
for (const [name, ms] of rows) process.stdout.write(`| ${name} | ${ms.toFixed(1)} |\n`);
