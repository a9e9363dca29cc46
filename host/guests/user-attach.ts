// The setting "VMs of unprivileged users may attach" (core/guests/guest-settings.ts)
// changed on a network: in its saved definition, in its live one when it runs, and
// in our qemu access list at once. The status is written before the access list
// either way, so a crash in between leaves a status that reconcile's access list
// repair (sweep-orphans.ts) makes the file agree with.

import { readNetworkDefinition } from '../../core/definition.js';
import { aclNameProblem, withUnprivilegedAttach } from '../../core/guests/index.js';
import type { NetworkDef } from '../../core/model/index.js';
import { formatNetworkXml } from '../../core/xml/index.js';
import { HostError, notFound } from '../host-error.js';
import { type HostPaths, qemuAclPaths } from '../paths.js';
import { setAclLine } from '../qemu/bridge-acl.js';
import * as store from '../state/state-store.js';
import type { NetworkStatus } from '../state/status.js';

/** The caller holds the host lock. */
export function setUserAttachLocked(paths: HostPaths, name: string, on: boolean): void {
  const savedXml = store.readDefinitionXml(paths, name);
  const active = store.readActive(paths, name);
  if (savedXml === undefined && !active) throw notFound(name);
  const bridge =
    active?.status.bridge ?? (savedXml === undefined ? undefined : read(name, savedXml).bridge?.name);
  const problem = on && bridge !== undefined ? aclNameProblem(bridge) : undefined;
  if (problem) throw new HostError('invalid-input', `network '${name}': ${problem}`);
  if (savedXml !== undefined) {
    const def = withUnprivilegedAttach(read(name, savedXml), on);
    store.writeDefinitionXml(paths, name, formatNetworkXml(def, { inactive: true }));
  }
  if (!active) return;
  const acl = qemuAclPaths(paths);
  const live = withUnprivilegedAttach(read(name, active.xml), on);
  store.writeActive(paths, name, {
    xml: formatNetworkXml(live),
    status: withAcl(active.status, on ? acl.file : undefined),
  });
  setAclLine(acl, active.status.bridge, on);
}

function read(name: string, xml: string): NetworkDef {
  const parsed = readNetworkDefinition(xml);
  if (!parsed.ok)
    throw new HostError(
      'internal',
      `network '${name}': its definition is unreadable: ${parsed.error.message}`,
    );
  return parsed.value;
}

function withAcl(status: NetworkStatus, file: string | undefined): NetworkStatus {
  const { qemuAcl: _old, ...others } = status.guests ?? {};
  const guests = file === undefined ? others : { ...others, qemuAcl: file };
  const { guests: _g, ...rest } = status;
  return Object.keys(guests).length ? { ...rest, guests } : rest;
}
