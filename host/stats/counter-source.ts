// Where the sampler gets counters and bridge ports. One read per tick for all links;
// listing brif/ is the dear part (about 30 µs per bridge, several times the cost of
// its counters), so a bridge's list is re-read only when a link it may hold comes or
// goes, plus a slow round-robin re-list spread over the ticks (a few bridges per
// read) that catches a port moved between bridges without leaving the namespace.
import { readlinkSync } from 'node:fs';
import { bridgePorts, type Counters } from '../readers/bridge-stats.js';
import { ProcNetDevReader } from './proc-net-dev.js';

export interface CounterSource {
  /** Counters of every link in the namespace, read at one instant. */
  readAll(): Map<string, Counters>;
  /** The ports of a bridge, as of the last readAll(). */
  ports(bridge: string): readonly string[];
}

export interface ProcfsSourceOptions {
  /** Default /proc/net/dev; /proc/PID/net/dev reads the namespace of PID. */
  procNetDev?: string;
  /** Default /sys/class/net; /proc/PID/root/sys/class/net sees the sysfs of PID's namespace. */
  sysClassNet?: string;
  /**
   * Every listed bridge is re-listed once per this many reads even if no link came or
   * went (1/N of them per read): the bound on noticing a port moved between bridges.
   */
  rescanEvery?: number;
}

// A new tap appears in /proc/net/dev a moment before it is enslaved to its bridge, so
// a new link without a master is looked at again on the next few reads.
const READS_AFTER_CHANGE = 3;

export class ProcfsCounterSource implements CounterSource {
  private readonly reader: ProcNetDevReader;
  private readonly sysClassNet: string;
  private readonly rescanEvery: number;
  private readonly portCache = new Map<string, readonly string[]>();
  /** Link names of the previous read, in file order. */
  private links: string[] = [];
  /** New links not yet enslaved, with the reads left to look at them again. */
  private readonly unplaced = new Map<string, number>();
  private rescanCursor = 0;
  /** Bridges asked for since their last re-list: the others are no longer watched. */
  private readonly asked = new Set<string>();

  constructor(options: ProcfsSourceOptions = {}) {
    this.reader = new ProcNetDevReader(options.procNetDev);
    this.sysClassNet = options.sysClassNet ?? '/sys/class/net';
    this.rescanEvery = Math.max(1, options.rescanEvery ?? 10);
  }

  readAll(): Map<string, Counters> {
    const all = this.reader.read();
    if (!this.sameLinks(all)) this.linksChanged(all);
    this.placeNewLinks();
    this.rescanSome();
    return all;
  }

  ports(bridge: string): readonly string[] {
    this.asked.add(bridge);
    let ports = this.portCache.get(bridge);
    if (!ports) {
      ports = bridgePorts(bridge, this.sysClassNet);
      this.portCache.set(bridge, ports);
    }
    return ports;
  }

  private sameLinks(all: Map<string, Counters>): boolean {
    if (all.size !== this.links.length) return false;
    let i = 0;
    for (const name of all.keys()) if (name !== this.links[i++]) return false;
    return true;
  }

  /** Drops the lists a gone link was in, and queues the new links to find their bridge. */
  private linksChanged(all: Map<string, Counters>): void {
    const first = this.links.length === 0;
    const before = new Set(this.links);
    this.links = [...all.keys()];
    // On the first read nothing is listed yet, so nothing can be stale.
    if (first) return;
    for (const name of this.links) {
      if (!before.delete(name)) this.unplaced.set(name, READS_AFTER_CHANGE);
    }
    if (before.size === 0) return;
    for (const [bridge, ports] of this.portCache) {
      // A deleted bridge or port: its bridge's list is stale.
      if (before.has(bridge) || ports.some((p) => before.has(p))) this.portCache.delete(bridge);
    }
  }

  /** One readlink per new link: the bridge it joined (if any) must be re-listed. */
  private placeNewLinks(): void {
    for (const [link, left] of this.unplaced) {
      const master = this.masterOf(link);
      if (master !== undefined) this.portCache.delete(master);
      if (master !== undefined || left <= 1) this.unplaced.delete(link);
      else this.unplaced.set(link, left - 1);
    }
  }

  private masterOf(link: string): string | undefined {
    try {
      const target = readlinkSync(`${this.sysClassNet}/${link}/master`);
      return target.slice(target.lastIndexOf('/') + 1);
    } catch {
      return undefined;
    }
  }

  /** Re-lists the next few cached bridges, so each is fresh within rescanEvery reads. */
  private rescanSome(): void {
    const n = this.portCache.size;
    if (n === 0) return;
    const count = Math.ceil(n / this.rescanEvery);
    const bridges = [...this.portCache.keys()];
    for (let k = 0; k < count; k++) {
      const bridge = bridges[(this.rescanCursor + k) % n] as string;
      // A list nobody asked for in a whole round is dropped rather than kept fresh.
      if (this.asked.delete(bridge)) this.portCache.set(bridge, bridgePorts(bridge, this.sysClassNet));
      else this.portCache.delete(bridge);
    }
    this.rescanCursor = (this.rescanCursor + count) % n;
  }
}
