// The steps that serve the VMs already on or joining the network: the qemu access
// list line (VMs of unprivileged users may attach through qemu-bridge-helper), the
// ports a previous stop remembered, plugged back in, and, on stop, the record of
// the ports the bridge has before it goes.

import { unprivilegedAttach } from '../guests/guest-settings.js';
import { formatRememberedPorts, type RememberedPort } from '../guests/remembered-ports.js';
import type { NetworkDef } from '../model/network.js';
import type { HostOp, Step } from './host-op.js';
import type { QemuAclPaths } from './plan-context.js';

export function qemuAclStep(def: NetworkDef, bridge: string, acl: QemuAclPaths): Step {
  if (!unprivilegedAttach(def))
    return {
      id: 'qemu-acl',
      title: 'VMs of unprivileged users may not attach (qemu-bridge-helper)',
      do: [],
      undo: [],
    };
  return {
    id: 'qemu-acl',
    title: `let VMs of unprivileged users attach to ${bridge} (allow ${bridge} in ${acl.file})`,
    do: [{ op: 'qemu-acl', bridge, allow: true, ...acl }],
    undo: [{ op: 'qemu-acl', bridge, allow: false, ...acl }],
  };
}

/** FILE: the access list the status names (its bridge.conf is not touched on removal). */
export function qemuAclStopOps(bridge: string, file: string | undefined): HostOp[] {
  return file === undefined ? [] : [{ op: 'qemu-acl', bridge, allow: false, file, bridgeConf: '' }];
}

/**
 * Each port on its own command that tolerates its absence: a VM that shut down
 * between the reading of the host and now must not fail the start.
 */
export function reattachStep(def: NetworkDef, bridge: string, ports: RememberedPort[]): Step {
  if (ports.length === 0) return { id: 'reattach', title: 'no former ports to re-attach', do: [], undo: [] };
  const isolateAll = def.port?.isolated === 'yes';
  const ops: HostOp[] = ports.flatMap((p): HostOp[] => [
    { op: 'ip', args: ['link', 'set', 'dev', p.name, 'master', bridge, 'up'], absentOk: true },
    ...(p.isolated || isolateAll
      ? [
          {
            op: 'ip' as const,
            args: ['link', 'set', 'dev', p.name, 'type', 'bridge_slave', 'isolated', 'on'],
            absentOk: true,
          },
        ]
      : []),
  ]);
  return {
    id: 'reattach',
    title: `re-attach ${ports.length} former port(s) (${ports.map((p) => p.name).join(', ')})`,
    do: ops,
    undo: ports.map((p) => ({ op: 'ip', args: ['link', 'set', 'dev', p.name, 'nomaster'], absentOk: true })),
  };
}

/** ports: undefined when the bridge could not be read (already gone): the old record stays. */
export function portsStopStep(bridge: string, ports: RememberedPort[] | undefined, file: string): Step {
  if (ports === undefined)
    return { id: 'ports', title: `bridge ${bridge} is gone: keep the port record`, do: [], undo: [] };
  if (ports.length === 0)
    return {
      id: 'ports',
      title: `${bridge} has no ports to remember`,
      do: [{ op: 'remove-file', path: file }],
      undo: [],
    };
  return {
    id: 'ports',
    title: `remember ${ports.length} port(s) for the next start (${ports.map((p) => p.name).join(', ')})`,
    do: [{ op: 'write-file', path: file, content: formatRememberedPorts({ bridge, ports }), mode: 0o644 }],
    undo: [],
  };
}
