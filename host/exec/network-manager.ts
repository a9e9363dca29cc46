// Keeps NetworkManager off our bridges. Each state root owns one file in
// NetworkManager's conf.d, switchyard-<root id>.conf, listing the bridges of its
// running networks as unmanaged-devices; `+=` appends to whatever the admin's own
// configuration lists instead of replacing it, and conf.d in /etc is read last, so
// nothing the admin wrote can drop our entries. NetworkManager reads the file again
// on `nmcli general reload conf`, which runs when nmcli is installed.
//
// SWITCHYARD_NM_CONF_DIR overrides the directory (default
// /etc/NetworkManager/conf.d); the tests point it into their temp dir. Nothing is
// written unless the directory's parent exists, i.e. NetworkManager is installed.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { atomicWrite } from '../state/atomic-write.js';
import { ensureDir } from '../state/ensure-dir.js';
import { runCommand } from './run-command.js';

export const DEFAULT_NM_CONF_DIR = '/etc/NetworkManager/conf.d';

export function nmConfDir(env: NodeJS.ProcessEnv): string {
  return env.SWITCHYARD_NM_CONF_DIR || DEFAULT_NM_CONF_DIR;
}

export function nmFilePath(env: NodeJS.ProcessEnv, rootId: string): string {
  return nmFileIn(nmConfDir(env), rootId);
}

/** The file a state root owns in conf directory DIR. */
export function nmFileIn(dir: string, rootId: string): string {
  return join(dir, `switchyard-${rootId}.conf`);
}

/** The bridges our file lists now. */
export function unmanagedBridges(env: NodeJS.ProcessEnv, rootId: string): string[] {
  let text: string;
  try {
    text = readFileSync(nmFilePath(env, rootId), 'utf8');
  } catch {
    return [];
  }
  const line = text.split('\n').find((l) => l.startsWith('unmanaged-devices+='));
  return (line?.slice('unmanaged-devices+='.length).split(';') ?? [])
    .filter((spec) => spec.startsWith('interface-name:'))
    .map((spec) => spec.slice('interface-name:'.length));
}

/** Makes our file list exactly BRIDGES (removed when there are none); tells NetworkManager if it changed. */
export async function setUnmanagedBridges(
  env: NodeJS.ProcessEnv,
  rootId: string,
  bridges: string[],
): Promise<boolean> {
  const dir = nmConfDir(env);
  if (!existsSync(dirname(dir))) return false;
  const wanted = [...new Set(bridges)].sort();
  const now = unmanagedBridges(env, rootId).sort();
  const path = nmFilePath(env, rootId);
  if (wanted.join(';') === now.join(';') && wanted.length > 0 === existsSync(path)) return false;
  if (wanted.length === 0) rmSync(path, { force: true });
  else {
    ensureDir(dir, 0o755);
    // Volatile (no fsync): the bridges it names do not outlive a reboot either, and an
    // old or empty file after a power cut is rewritten by the next start that compares it.
    atomicWrite(path, nmFileText(rootId, wanted), 0o644, 'volatile');
  }
  // NetworkManager reads only its own directories: a file elsewhere (tests) concerns nobody.
  if (dir === DEFAULT_NM_CONF_DIR) await reloadNetworkManager();
  return true;
}

export async function addUnmanagedBridge(env: NodeJS.ProcessEnv, rootId: string, bridge: string) {
  await setUnmanagedBridges(env, rootId, [...unmanagedBridges(env, rootId), bridge]);
}

export async function removeUnmanagedBridge(env: NodeJS.ProcessEnv, rootId: string, bridge: string) {
  await setUnmanagedBridges(
    env,
    rootId,
    unmanagedBridges(env, rootId).filter((b) => b !== bridge),
  );
}

function nmFileText(rootId: string, bridges: string[]): string {
  return [
    `# Written by Switchyard for its state root ${rootId}: the bridges of its running`,
    '# networks, which NetworkManager must leave alone. Rewritten on every start and stop.',
    '[keyfile]',
    `unmanaged-devices+=${bridges.map((b) => `interface-name:${b}`).join(';')}`,
    '',
  ].join('\n');
}

/** Best effort: without nmcli (or a running NetworkManager) there is nobody to tell. */
async function reloadNetworkManager(): Promise<void> {
  await runCommand('nmcli', ['general', 'reload', 'conf'], { timeoutMs: 5_000 }).catch(() => {});
}

/** nmcli's view of a device: undefined when nmcli or NetworkManager is not there. */
export async function nmDeviceState(device: string): Promise<string | undefined> {
  try {
    const out = await runCommand('nmcli', ['-t', '-f', 'DEVICE,STATE', 'device', 'status'], {
      timeoutMs: 5_000,
    });
    return parseNmcliDeviceStates(out).get(device);
  } catch {
    return undefined;
  }
}

/** `nmcli -t -f DEVICE,STATE device status`: one DEVICE:STATE per line, ':' in names escaped as '\:'. */
export function parseNmcliDeviceStates(out: string): Map<string, string> {
  const states = new Map<string, string>();
  for (const line of out.split('\n')) {
    const m = /^((?:[^:\\]|\\.)*):(.*)$/.exec(line.trim());
    if (m?.[1] && m[2] !== undefined) states.set(m[1].replace(/\\(.)/g, '$1'), m[2]);
  }
  return states;
}
