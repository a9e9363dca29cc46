// Which copies of a network an update changes, by virsh's flags: --live (the running
// network), --config (the saved definition), both, or neither (= --current: the
// running network if it runs, else the saved definition).
import { HostError } from '../host-error.js';

export interface UpdateFlags {
  live?: boolean;
  config?: boolean;
}

export interface UpdateTargets {
  live: boolean;
  config: boolean;
}

export function updateTargets(
  name: string,
  flags: UpdateFlags,
  active: boolean,
  persistent: boolean,
): UpdateTargets {
  const current = !flags.live && !flags.config;
  const live = current ? active : flags.live === true;
  const config = current ? !active : flags.config === true;
  // libvirt's wording after virsh's first line, so scripts written for virsh match.
  if (live && !active)
    throw new HostError(
      'conflict',
      `Failed to update network ${name}: Requested operation is not valid: network is not running (update its saved definition with --config)`,
    );
  if (config && !persistent)
    throw new HostError(
      'conflict',
      `Failed to update network ${name}: Requested operation is not valid: cannot change persistent config of a transient network (drop --config)`,
    );
  return { live, config };
}
