// What every section of bench/engine-vs-libvirt.ts is given.
import type { Cleanup } from './engine-cleanup.js';
import type { Libvirt } from './engine-libvirt.js';
import type { RunnerClient } from './engine-runner-client.js';
import type { Samples } from './engine-stats.js';

export const SECTIONS = ['floor', 'cycle', 'memory', 'lease', 'burst', 'list'] as const;
/** Guests the burst section plugs in at once, and the seconds each asks for a lease. */
export const BURST_GUESTS = 8;
export const BURST_TRIES = 30;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  /** Repetitions of start/destroy and of the process floor. */
  reps: number;
  /** Repetitions of net-list / net-define with MANY networks defined. */
  listReps: number;
  /** Repetitions of each new-guest-to-lease variant. */
  leaseReps: number;
  /** Networks defined for the net-list figures: Switchyard, libvirt. */
  many: number;
  lvMany: number;
  /** Networks started at once for the memory figures. */
  memNets: number;
  sections: ReadonlySet<Section>;
  toolsDir: string;
  jsonOut: string | undefined;
}

export interface BenchContext {
  opts: BenchOptions;
  sy: RunnerClient;
  lv: Libvirt;
  samples: Samples;
  /** Lines printed under the table: how figures were obtained, failures, surprises. */
  notes: string[];
  syNetns: string;
  lvNetns: string;
  guestNetns: string;
  /** BURST_GUESTS guest namespaces, made only when the burst section runs. */
  burstNetns: string[];
  /** This run's private temp dir (Switchyard state dirs, XML files, the udhcpc hook). */
  tmp: string;
  hook: string;
  cleanup: Cleanup;
  log(line: string): void;
}
