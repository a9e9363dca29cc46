// Where Switchyard keeps its state on the host. Each directory is overridable from
// the environment so tests, the playground or a second install run against private
// directories (ARCHITECTURE.md, "State on the host").
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { aclFileName, BRIDGE_CONF } from '../core/guests/index.js';
import { fileStem } from '../core/names/index.js';
import type { QemuAclPaths } from '../core/plan/index.js';

export interface HostPaths {
  /** Persistent definitions NAME.xml; autostart links in autostart/. */
  configDir: string;
  autostartDir: string;
  /** Live status (NAME.xml, NAME.json) and pid files; transient networks live only here. */
  runDir: string;
  /** dnsmasq config, hosts files and leases. */
  stateDir: string;
  /**
   * qemu-bridge-helper's directory (bridge.conf): /etc/qemu, which the helper has
   * compiled in. Only the environment moves it (tests), never a request.
   */
  qemuConfDir: string;
}

export function hostPaths(env: NodeJS.ProcessEnv = process.env): HostPaths {
  const configDir = env.SWITCHYARD_CONFIG_DIR || '/etc/switchyard/networks';
  return {
    configDir,
    autostartDir: join(configDir, 'autostart'),
    runDir: env.SWITCHYARD_RUN_DIR || '/run/switchyard/networks',
    stateDir: env.SWITCHYARD_STATE_DIR || '/var/lib/switchyard/dnsmasq',
    qemuConfDir: env.SWITCHYARD_QEMU_CONF_DIR || '/etc/qemu',
  };
}

export const definitionPath = (p: HostPaths, name: string): string =>
  join(p.configDir, `${fileStem(name)}.xml`);
export const autostartLinkPath = (p: HostPaths, name: string): string =>
  join(p.autostartDir, `${fileStem(name)}.xml`);
export const statusXmlPath = (p: HostPaths, name: string): string => join(p.runDir, `${fileStem(name)}.xml`);
export const statusJsonPath = (p: HostPaths, name: string): string =>
  join(p.runDir, `${fileStem(name)}.json`);
export const intentPath = (p: HostPaths, name: string): string => join(p.runDir, `${fileStem(name)}.intent`);
/** The ports a stopped network had (core/guests/remembered-ports.ts). */
export const portsFilePath = (p: HostPaths, name: string): string =>
  join(p.runDir, `${fileStem(name)}.ports`);
export const pidFilePath = (p: HostPaths, name: string): string => join(p.runDir, `${fileStem(name)}.pid`);
export const dnsmasqFilePath = (
  p: HostPaths,
  name: string,
  ext: 'conf' | 'hostsfile' | 'addnhosts' | 'leases',
): string => join(p.stateDir, `${fileStem(name)}.${ext}`);

/**
 * The identity of a state root: everything it creates on the host carries it (the
 * bridge alias; dnsmasq's files live in its state dir), so reconcile touches only
 * its own objects when several roots share a network namespace. Derived from the
 * run and state dirs, not stored: a wiped run dir (a reboot) keeps the identity, so
 * whatever survived the wipe is still recognised.
 */
export function rootId(p: HostPaths): string {
  const key = `${resolve(p.runDir)}\0${resolve(p.stateDir)}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/** Our qemu access list and the bridge.conf that includes it (core/guests/qemu-acl.ts). */
export function qemuAclPaths(p: HostPaths): QemuAclPaths {
  const installed = rootId(p) === rootId(hostPaths({}));
  return {
    file: join(p.qemuConfDir, aclFileName(rootId(p), installed)),
    bridgeConf: join(p.qemuConfDir, BRIDGE_CONF),
  };
}
