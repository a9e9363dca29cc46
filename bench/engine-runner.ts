// The Switchyard side of bench/engine-vs-libvirt.ts, run as root inside the bench's
// "host" namespace (`ip netns exec NS node dist/bench/engine-runner.js`). It keeps one
// Registry in-process and answers JSON lines on stdin, so the timings are "inside the
// engine" — comparable to libvirt's `virsh -t` api column — and, for the `cli` op, the
// wall time of a whole CLI process started from inside the namespace (no `ip netns
// exec` in the figure, as virsh needs none either).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { fillDefaults } from '../core/define/fill-defaults.js';
import { readNetworkDefinition } from '../core/definition.js';
import { formatNetworkXml } from '../core/xml/format-network.js';
import type { StepTiming } from '../host/engine/execute-plan.js';
import { createEngine } from '../host/engine/index.js';
import { startNetwork } from '../host/engine/start-network.js';
import { stopNetwork } from '../host/engine/stop-network.js';
import { HelperClient } from '../host/helper-client/index.js';
import type { EnginePort } from '../host/networks/engine-port.js';
import { Registry } from '../host/networks/registry.js';
import { hostPaths } from '../host/paths.js';
import { writeDefinitionXml } from '../host/state/state-store.js';
import { natNetworkXml, subnetPrefix } from './engine-xml.js';

export type RunnerRequest =
  | { op: 'define'; xml: string }
  | { op: 'start' | 'destroy' | 'undefine'; name: string }
  | { op: 'list' }
  | { op: 'defineMany'; prefix: string; count: number; subnetBase: number; direct: boolean }
  | { op: 'cli'; args: string[]; env?: Record<string, string | null> }
  | { op: 'helper'; verb: 'start' | 'destroy'; name: string }
  | { op: 'exit' };

export interface RunnerReply {
  ok: boolean;
  error?: string;
  /** The whole call (registry method: lock, reconcile, the work). */
  ms?: number;
  /** Parts of a start/destroy: reconcile, and the engine's own start/stop. */
  reconcileMs?: number;
  engineMs?: number;
  steps?: StepTiming[];
  count?: number;
  code?: number | null;
  stdout?: string;
  stderr?: string;
}

// The CLI as users run it (bin/switchyard): the single-file bundle when built.
const bundled = new URL('../cli-bundle/main.js', import.meta.url);
const cliPath = fileURLToPath(existsSync(bundled) ? bundled : new URL('../cli/main.js', import.meta.url));

/**
 * The app's path to the host: one root helper started once (here run directly by node,
 * as pkexec would start it), then each request timed over its pipe — what the app waits
 * for between a click and the answer.
 */
let resident: HelperClient | undefined;
function residentHelper(env: NodeJS.ProcessEnv): HelperClient {
  resident ??= new HelperClient({
    command: {
      launcher: [process.execPath],
      helperPath: fileURLToPath(new URL('../helper/main.js', import.meta.url)),
      env,
    },
  });
  return resident;
}

/** An EnginePort that remembers how long its last calls took, and the plan's step times. */
function timedEngine(env: NodeJS.ProcessEnv) {
  const paths = hostPaths(env);
  const base = createEngine(paths, env);
  const ctx = { paths, env };
  const last = { reconcileMs: 0, engineMs: 0, steps: [] as StepTiming[] };
  const port: EnginePort = {
    ...base,
    reconcile: async (next) => {
      const t0 = performance.now();
      await base.reconcile(next);
      last.reconcileMs = performance.now() - t0;
    },
    start: async (def, persistent) => {
      const t0 = performance.now();
      const result = await startNetwork(def, ctx, { persistent });
      last.engineMs = performance.now() - t0;
      last.steps = result.execution.timings;
      return result.status;
    },
    stop: async (status) => {
      const t0 = performance.now();
      const result = await stopNetwork(status, ctx);
      last.engineMs = performance.now() - t0;
      last.steps = result.timings;
    },
  };
  return { registry: new Registry(paths, port), last };
}

async function timed(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

function runCli(args: string[], extraEnv: Record<string, string | null> = {}): Promise<RunnerReply> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(extraEnv)) {
    if (v === null) delete env[k];
    else env[k] = v;
  }
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cliPath, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let ms = 0;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.once('exit', () => {
      ms = performance.now() - t0;
    });
    child.once('close', (code) => resolve({ ok: code === 0, ms, code, stdout, stderr }));
  });
}

/**
 * What net-define saves (UUID, MAC, STP filled in), written straight to the config dir:
 * Registry.define takes the lock and reconciles for each, which adds up at 1,000. The
 * file is the same, so net-list sees the same state either way; the identity index is
 * built from these files by the first define that follows.
 */
function writeDefinitionDirectly(registry: Registry, xml: string): void {
  const parsed = readNetworkDefinition(xml);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const filled = fillDefaults(parsed.value, {
    usedBridgeNames: new Set(),
    randomBytes: (n) => randomBytes(n),
  });
  if (!filled.ok) throw new Error(filled.error.message);
  writeDefinitionXml(registry.paths, filled.value.name, formatNetworkXml(filled.value, { inactive: true }));
}

async function handle(req: RunnerRequest, eng: ReturnType<typeof timedEngine>): Promise<RunnerReply> {
  const { registry, last } = eng;
  switch (req.op) {
    case 'define':
      return { ok: true, ms: await timed(() => registry.define(req.xml)) };
    case 'start':
    case 'destroy': {
      const ms = await timed(() =>
        req.op === 'start' ? registry.start(req.name) : registry.destroy(req.name),
      );
      return { ok: true, ms, reconcileMs: last.reconcileMs, engineMs: last.engineMs, steps: last.steps };
    }
    case 'undefine':
      return { ok: true, ms: await timed(() => registry.undefine(req.name)) };
    case 'list': {
      let count = 0;
      const ms = await timed(() => {
        count = registry.list().length;
      });
      return { ok: true, ms, count };
    }
    case 'defineMany': {
      const ms = await timed(async () => {
        for (let i = 0; i < req.count; i++) {
          const name = `${req.prefix}${i}`;
          const xml = natNetworkXml(name, name, subnetPrefix(req.subnetBase, i));
          if (req.direct) writeDefinitionDirectly(registry, xml);
          else await registry.define(xml);
        }
      });
      return { ok: true, ms, count: req.count };
    }
    case 'cli':
      return runCli(req.args, req.env);
    case 'helper': {
      const helper = residentHelper(process.env);
      const ms = await timed(() =>
        req.verb === 'start' ? helper.start(req.name) : helper.destroy(req.name),
      );
      return { ok: true, ms };
    }
    case 'exit':
      return { ok: true };
  }
}

async function main(): Promise<void> {
  const eng = timedEngine(process.env);
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const req = JSON.parse(line) as RunnerRequest;
    let reply: RunnerReply;
    try {
      reply = await handle(req, eng);
    } catch (err) {
      reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    process.stdout.write(`${JSON.stringify(reply)}\n`);
    if (req.op === 'exit') break;
  }
  await resident?.close();
}

await main();
