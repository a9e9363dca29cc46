// The CLI as a user runs it, in a topology's host namespace, from the compiled dist/:
// `run` returns whatever happened, `ok` fails the test with the CLI's own error line.
// Without SWITCHYARD_NO_DEFAULT the first command would define the `default` network.
import { fileURLToPath } from 'node:url';
import type { RunResult } from './run.js';
import type { Topology } from './topology.js';

export const CLI = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));

export interface CliRunner {
  run(args: string[], env?: NodeJS.ProcessEnv): Promise<RunResult>;
  /** stdout; a non-zero exit is a test failure naming the command and its stderr. */
  ok(args: string[], env?: NodeJS.ProcessEnv): Promise<string>;
  json<T>(args: string[]): Promise<T>;
}

/**
 * ENV: the state root (defaults to the topology's). WRAP: argv put before node, e.g.
 * a shell that sets a umask first.
 */
export function cliRunner(
  topo: () => Topology,
  opts: { env?: () => NodeJS.ProcessEnv; wrap?: string[] } = {},
): CliRunner {
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const argv = [...(opts.wrap ?? []), process.execPath, CLI, ...args];
    return topo().runInHost(argv[0] as string, argv.slice(1), {
      env: { ...(opts.env?.() ?? topo().env), SWITCHYARD_NO_DEFAULT: '1', ...env },
    });
  };
  const ok = async (args: string[], env?: NodeJS.ProcessEnv) => {
    const r = await run(args, env);
    if (r.code !== 0) throw new Error(`switchyard ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
    return r.stdout;
  };
  return { run, ok, json: async <T>(args: string[]) => JSON.parse(await ok(args)) as T };
}

/** The CLI in TOPO's state root, with BASE added to every command's environment. */
export function cliIn(topo: Topology, base: NodeJS.ProcessEnv = {}): CliRunner {
  return cliRunner(() => topo, { env: () => ({ ...topo.env, ...base }) });
}
