// The changes a caller may ask for. Registry implements it in-process (as root); the
// client of the root helper implements it over the helper protocol. CLI and app code
// depend on this interface, never on which side does the work.
import type { NetworkUpdateRequest } from '../../core/update/update-request.js';
import type { HealthReport, RepairAction } from '../doctor/index.js';
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
  /** net-update. */
  update(net: string, req: NetworkUpdateRequest, flags: UpdateFlags): Promise<UpdateOutcome>;
  /** switchyard doctor: needs root to read the firewall, so it goes where changes go. Reads only. */
  doctor(net?: string): Promise<HealthReport>;
  /** The doctor's fixes Switchyard can apply safely (see host/doctor/repair.ts). */
  repair(actions: readonly RepairAction[], net?: string): Promise<HealthReport>;
}
