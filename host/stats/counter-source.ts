// Where the sampler gets counters and bridge ports. One read per tick for all links;
// port lists are re-read only when links come or go, because listing brif/ is the
// dear part (about 30 µs per bridge, several times the cost of its counters).
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
  /** Re-list every bridge's ports after this many reads even if no link came or went. */
  rescanEvery?: number;
}

// A new tap appears in /proc/net/dev a moment before it is enslaved to its bridge, so
// the lists are re-read for a few reads after a change, not only on the first.
const READS_AFTER_CHANGE = 3;

export class ProcfsCounterSource implements CounterSource {
  private readonly reader: ProcNetDevReader;
  private readonly sysClassNet: string;
  private readonly rescanEvery: number;
  private readonly portCache = new Map<string, readonly string[]>();
  private linkKey = '';
  private freshReadsLeft = 0;
  private readsSinceRescan = 0;

  constructor(options: ProcfsSourceOptions = {}) {
    this.reader = new ProcNetDevReader(options.procNetDev);
    this.sysClassNet = options.sysClassNet ?? '/sys/class/net';
    this.rescanEvery = options.rescanEvery ?? 10;
  }

  readAll(): Map<string, Counters> {
    const all = this.reader.read();
    const key = [...all.keys()].join('\n');
    if (key !== this.linkKey) {
      this.linkKey = key;
      this.freshReadsLeft = READS_AFTER_CHANGE;
    }
    if (this.freshReadsLeft > 0 || ++this.readsSinceRescan >= this.rescanEvery) {
      this.portCache.clear();
      this.readsSinceRescan = 0;
      if (this.freshReadsLeft > 0) this.freshReadsLeft--;
    }
    return all;
  }

  ports(bridge: string): readonly string[] {
    let ports = this.portCache.get(bridge);
    if (!ports) {
      ports = bridgePorts(bridge, this.sysClassNet);
      this.portCache.set(bridge, ports);
    }
    return ports;
  }
}
