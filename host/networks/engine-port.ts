// What the registry needs from the start/stop machinery (host/engine). Kept as an
// interface so lifecycle rules (persistent, transient, autostart) stay apart from
// the bridge/firewall/dnsmasq work.
import type { NetworkDef } from '../../core/model/index.js';
import type { HealthReport, RepairAction } from '../doctor/index.js';
import type { NetworkStatus } from '../state/status.js';

/**
 * What the command does after reconcile. 'start': it starts a network, so what that
 * start will read can be read alongside. { stop }: it stops the network of that name,
 * so nothing of that network needs repairing first.
 */
export type NextChange = 'start' | { stop: string };

export interface EnginePort {
  /** Brings the network up and writes its status; leaves nothing behind on failure. */
  start(def: NetworkDef, persistent: boolean): Promise<NetworkStatus>;
  /** Tears it down and removes its status. */
  stop(status: NetworkStatus): Promise<void>;
  /** Repairs what a crash left, before any command; NEXT says what the command does then. */
  reconcile(next?: NextChange): Promise<void>;
  /** Link names on the host, for bridge-name allocation. */
  hostLinkNames(): Promise<string[]>;
  /** Subnets of the host's addresses and routes ('ADDRESS/PREFIX'), for picking a free one. */
  hostSubnets(): Promise<string[]>;
  /** What stops the networks (or NAME) from working; reads only. */
  doctor(name?: string): Promise<HealthReport>;
  /** The doctor's safe fixes under the lock, then a new report. */
  repair(actions: readonly RepairAction[], name?: string): Promise<HealthReport>;
}
