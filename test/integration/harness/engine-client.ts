// The tests' handle on the engine: builds dist/ once, then runs engine-runner.mjs
// inside the topology's host namespace with its private state directories.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './run.js';
import type { Topology } from './topology.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const runner = fileURLToPath(new URL('./engine-runner.mjs', import.meta.url));

export interface EngineReply<T = unknown> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string; detail?: string };
  /** Time inside the engine process (module loading excluded). */
  ms: number;
  /** Whole process, `ip netns exec` and Node start-up included. */
  wallMs: number;
  stderr: string;
}

let built: Promise<void> | undefined;

/** `tsc -b` once per test process; failures elsewhere in the tree are tolerated if our outputs exist. */
export function ensureBuilt(): Promise<void> {
  built ??= (async () => {
    const r = await run(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-b'], {
      timeoutMs: 300_000,
    });
    const needed = ['dist/host/engine/index.js', 'dist/core/plan/index.js', 'dist/core/definition.js'];
    const missing = needed.filter((f) => !existsSync(join(repo, f)));
    if (missing.length)
      throw new Error(`tsc -b did not produce ${missing.join(', ')}:\n${r.stdout}${r.stderr}`);
  })();
  return built;
}

export async function engine<T = unknown>(
  topo: Topology,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<EngineReply<T>> {
  const r = await topo.runIn(topo.host, process.execPath, [runner, ...args], {
    env: { ...topo.env, ...env },
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return {
      ...(JSON.parse(line) as Omit<EngineReply<T>, 'wallMs' | 'stderr'>),
      wallMs: r.ms,
      stderr: r.stderr,
    };
  } catch {
    throw new Error(`engine ${args.join(' ')} printed no result (exit ${r.code}): ${r.stderr || r.stdout}`);
  }
}

/** Writes a network XML into the topology's temp dir and returns its path. */
export function writeXml(topo: Topology, name: string, xml: string): string {
  const path = join(topo.dirs.root, `${name}.input.xml`);
  writeFileSync(path, xml);
  return path;
}
