// The changes a caller may ask for. Registry implements it in-process (as root); the
// client of the root helper implements it over the helper protocol. CLI and app code
// depend on this interface, never on which side does the work.
import type { NetworkUpdateRequest } from '../../core/update/update-request.js';
import type { LeaseToReserve, UpdateFlags, UpdateOutcome } from '../live-update/index.js';

export interface NetworkControl {
  define(xml: string): Promise<{ name: string; uuid: string }>;
  create(xml: string): Promise<{ name: string; uuid: string }>;
  start(net: string): Promise<void>;
  destroy(net: string): Promise<void>;
  undefine(net: string): Promise<void>;
  setAutostart(net: string, on: boolean): Promise<void>;
  /** A lease becomes a static <host>: live (SIGHUP, no restart) and in the saved definition. */
  reserve(net: string, lease: LeaseToReserve): Promise<UpdateOutcome>;
  /** "VMs of unprivileged users may attach" (qemu-bridge-helper), saved and live. */
  setUnprivilegedAttach(net: string, on: boolean): Promise<void>;
  /** net-update. */
  update(net: string, req: NetworkUpdateRequest, flags: UpdateFlags): Promise<UpdateOutcome>;
}
