// The changes a caller may ask for. Registry implements it in-process (as root); the
// client of the root helper implements it over the helper protocol. CLI and app code
// depend on this interface, never on which side does the work.
import type { NetworkFix } from '../../core/define/index.js';
import type { NetworkUpdateRequest } from '../../core/update/index.js';
import type { HealthReport, RepairAction } from '../doctor/index.js';
import type { LeaseToReserve, UpdateFlags, UpdateOutcome } from '../live-update/index.js';

/** What the app's create does after define. */
export interface CreateOptions {
  autostart: boolean;
  start: boolean;
}

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
  // The app's workflows: each one operation under one lock, so a failure half-way is
  // handled once, on the side that holds the lock (Registry), not by the caller.
  /** Define, then autostart and start as asked; a failed start leaves nothing defined. */
  defineAndStart(xml: string, opts: CreateOptions): Promise<{ name: string; uuid: string }>;
  /** Stop and start again with the saved definition. */
  restart(net: string): Promise<void>;
  /** Stop if running, then undefine if defined. */
  remove(net: string): Promise<void>;
  /** Change the saved definition as the fix says, then start it unless it runs. */
  applyFix(net: string, fix: NetworkFix): Promise<{ started: boolean }>;
  /** net-update. */
  update(net: string, req: NetworkUpdateRequest, flags: UpdateFlags): Promise<UpdateOutcome>;
  /** switchyard doctor: needs root to read the firewall, so it goes where changes go. Reads only. */
  doctor(net?: string): Promise<HealthReport>;
  /** The doctor's fixes Switchyard can apply safely (see host/doctor/repair.ts). */
  repair(actions: readonly RepairAction[], net?: string): Promise<HealthReport>;
}
