// Runs one engine command inside whatever network namespace it was started in
// (the tests start it with `ip netns exec <host-ns> node engine-runner.mjs ...`),
// against the compiled engine in dist/, under the host lock, with the state
// directories from SWITCHYARD_*_DIR. Prints one JSON line: {ok, value|error, ms}.
//
//   start FILE.xml [--transient] [--reconcile]   stop NAME [--reconcile]
//   reconcile                                     plan FILE.xml [--json]
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

const dist = new URL('../../../dist/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);

const [{ hostPaths }, { withLock }, engine, { readNetworkDefinition }, { fillDefaults }, plan] =
  await Promise.all([
    load('host/paths.js'),
    load('host/state/lock.js'),
    load('host/engine/index.js'),
    load('core/definition.js'),
    load('core/define/fill-defaults.js'),
    load('core/plan/index.js'),
  ]);

function loadDefinition(file) {
  const read = readNetworkDefinition(readFileSync(file, 'utf8'));
  if (!read.ok) throw Object.assign(new Error(read.error.message), { code: read.error.code });
  const filled = fillDefaults(read.value, { usedBridgeNames: new Set(), randomBytes: (n) => randomBytes(n) });
  if (!filled.ok) throw Object.assign(new Error(filled.error.message), { code: filled.error.code });
  return filled.value;
}

async function command(ctx, cmd, args) {
  const flag = (f) => args.includes(f);
  const r0 = performance.now();
  // As the registry says what follows: a start reads ahead, a stop leaves its network be.
  const next = cmd === 'start' ? { start: true } : cmd === 'stop' ? { stopping: args[0] } : {};
  const reconciled = flag('--reconcile')
    ? { ...(await engine.reconcile(ctx, next)), ms: performance.now() - r0 }
    : undefined;
  switch (cmd) {
    case 'start': {
      const started = await engine.startNetwork(loadDefinition(args[0]), ctx, {
        persistent: !flag('--transient'),
      });
      return { ...started, reconciled };
    }
    case 'stop':
      return { ...(await engine.stopNetworkByName(args[0], ctx)), reconciled };
    case 'reconcile':
      return engine.reconcile(ctx);
    case 'plan': {
      const p = await engine.planNetworkStart(loadDefinition(args[0]), ctx, { persistent: true });
      return flag('--json') ? plan.planJson(p) : plan.formatPlan(p);
    }
    default:
      throw new Error(`unknown command '${cmd}'`);
  }
}

const [cmd, ...args] = process.argv.slice(2);
const ctx = { paths: hostPaths(process.env), env: process.env };
const t0 = performance.now();
try {
  const value = await withLock(ctx.paths.runDir, () => command(ctx, cmd, args));
  process.stdout.write(`${JSON.stringify({ ok: true, value, ms: performance.now() - t0 })}\n`);
} catch (err) {
  const error = { code: err.code ?? 'internal', message: err.message, detail: err.detail };
  process.stdout.write(`${JSON.stringify({ ok: false, error, ms: performance.now() - t0 })}\n`);
  process.exitCode = 1;
}
