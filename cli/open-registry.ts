// The CLI reads the world-readable state files itself, as any user. Changes run the
// engine in-process as root; as anyone else they go to the root helper (pkexec),
// so a user is asked for a password only when something changes.
import { createEngine } from '../host/engine/index.js';
import type { NetworkControl } from '../host/networks/index.js';
import { NetworkReads, Registry } from '../host/networks/index.js';
import { hostPaths } from '../host/paths.js';

/** The state files, read as any user: what every verb that only looks needs. */
export const openReads = (env: NodeJS.ProcessEnv): NetworkReads => new NetworkReads(hostPaths(env));

export function openRegistry(env: NodeJS.ProcessEnv): Registry {
  const paths = hostPaths(env);
  return new Registry(paths, createEngine(paths, env, engineLog(env)));
}

/** SWITCHYARD_LOG=1: every step, undo and repair the engine makes, on stderr. */
function engineLog(env: NodeJS.ProcessEnv): ((line: string) => void) | undefined {
  if (env.SWITCHYARD_LOG !== '1') return undefined;
  return (line) => process.stderr.write(`switchyard[${process.pid}]: ${line}\n`);
}

/**
 * As root, before a verb that looks at the host: the first command on a new host
 * defines the `default` network, and a verb that reports the host's state repairs
 * it first (reconcile), so what root is shown is what the host has.
 */
export async function prepareHost(env: NodeJS.ProcessEnv, opts: { reconcile: boolean }): Promise<void> {
  if (!isRoot()) return;
  const registry = openRegistry(env);
  await registry.ensureDefaultNetwork(env);
  if (opts.reconcile) await registry.reconcile();
}

/** NetworkControl taking definition files as bytes, as Registry and HelperClient both do. */
export interface CliControl extends NetworkControl {
  define(source: string | Uint8Array): Promise<{ name: string; uuid: string }>;
  create(source: string | Uint8Array): Promise<{ name: string; uuid: string }>;
}

export const isRoot = (): boolean => process.geteuid?.() === 0;

/** Runs FN with whoever makes changes, and lets a helper it started exit afterwards. */
export async function withControl<T>(
  env: NodeJS.ProcessEnv,
  fn: (control: CliControl) => Promise<T>,
): Promise<T> {
  if (isRoot()) return fn(openRegistry(env));
  // Loaded only here: the protocol schemas cost ~0.3 s of start-up that root and
  // read-only commands should not pay.
  const { HelperClient, helperCommandFromEnv } = await import('../host/helper-client/index.js');
  const helper = new HelperClient({ command: helperCommandFromEnv(env) });
  try {
    return await fn(helper);
  } finally {
    await helper.close();
  }
}
