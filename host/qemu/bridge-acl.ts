// Our qemu-bridge-helper access list on disk (the rules are core/guests/qemu-acl.ts):
// one file of ours with `allow BRIDGE` lines, included once from bridge.conf. The
// user's bridge.conf is only ever appended to, keeping its mode and owner; our file
// is rewritten whole, atomically. Nothing is written while no network needs it, so a
// host where nobody turns the setting on keeps its /etc/qemu untouched.
import { chownSync, existsSync, lstatSync, realpathSync, statSync } from 'node:fs';
import { aclFileBridges, aclFileText, aclNameProblem, withInclude } from '../../core/guests/index.js';
import type { QemuAclPaths } from '../../core/plan/index.js';
import { HostError } from '../host-error.js';
import { atomicWrite } from '../state/atomic-write.js';
import { readText } from '../state/state-store.js';

/** The bridges our file allows now ([] when it does not exist). */
export function aclBridges(file: string): string[] {
  return aclFileBridges(readText(file) ?? '');
}

/** Adds or removes BRIDGE's line. Removing from a file that is not there does nothing. */
export function setAclLine(acl: QemuAclPaths, bridge: string, allow: boolean): void {
  const problem = aclNameProblem(bridge);
  if (problem) throw new HostError('invalid-input', `qemu access list: ${problem}`);
  const now = new Set(aclBridges(acl.file));
  if (allow) now.add(bridge);
  else now.delete(bridge);
  writeAcl(acl, [...now]);
}

/** Makes our file allow exactly BRIDGES (reconcile's repair). Returns whether it changed. */
export function syncAcl(acl: QemuAclPaths, bridges: string[]): boolean {
  const want = [...new Set(bridges.filter((b) => aclNameProblem(b) === undefined))].sort();
  const have = aclBridges(acl.file).sort();
  if (want.join('\n') === have.join('\n') && (want.length === 0 || included(acl))) return false;
  writeAcl(acl, want);
  return true;
}

function writeAcl(acl: QemuAclPaths, bridges: string[]): void {
  if (bridges.length === 0 && !existsSync(acl.file)) return;
  const text = aclFileText(bridges);
  if (readText(acl.file) !== text) atomicWrite(acl.file, text, 0o644);
  // The include goes in after our file exists: the helper refuses to run at all when
  // an included file is missing. It stays when the list empties (an empty file is fine).
  if (bridges.length > 0 && acl.bridgeConf !== '') includeOurs(acl);
}

function included(acl: QemuAclPaths): boolean {
  return acl.bridgeConf === '' || withInclude(readText(acl.bridgeConf) ?? '', acl.file) === undefined;
}

function includeOurs(acl: QemuAclPaths): void {
  // A bridge.conf that is a symlink (a distribution's layout) is written through.
  const target =
    existsSync(acl.bridgeConf) && lstatSync(acl.bridgeConf).isSymbolicLink()
      ? realpathSync(acl.bridgeConf)
      : acl.bridgeConf;
  const before = readText(target);
  const after = withInclude(before ?? '', acl.file);
  if (after === undefined) return;
  const st = before === undefined ? undefined : statSync(target);
  atomicWrite(target, after, st ? st.mode & 0o7777 : 0o644);
  if (st) chownSync(target, st.uid, st.gid);
}
