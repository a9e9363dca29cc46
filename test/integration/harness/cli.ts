// The switchyard CLI run as root inside a topology's host namespace, with its private
// state directories (and whatever else the test adds to the environment).
import { fileURLToPath } from 'node:url';
import type { RunResult } from './run.js';
import type { Topology } from './topology.js';

export const CLI = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));

export interface Cli {
  run(args: string[], env?: NodeJS.ProcessEnv): Promise<RunResult>;
  /** stdout; a non-zero exit is a test failure naming the command and its stderr. */
  ok(args: string[], env?: NodeJS.ProcessEnv): Promise<string>;
  json<T>(args: string[]): Promise<T>;
}

export function cliIn(topo: Topology, base: NodeJS.ProcessEnv = {}): Cli {
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    topo.runInHost(process.execPath, [CLI, ...args], {
      env: { ...topo.env, SWITCHYARD_NO_DEFAULT: '1', ...base, ...env },
    });
  const ok = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const r = await run(args, env);
    if (r.code !== 0) throw new Error(`switchyard ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
    return r.stdout;
  };
  return { run, ok, json: async <T>(args: string[]) => JSON.parse(await ok(args)) as T };
}
