// Every link's counters of one network namespace from a single read of /proc/net/dev.
// Reading /sys/class/net/LINK/statistics/* costs eight opens per link: measured here
// for 500 links (100 bridges with 4 ports), about 100 ms of CPU per pass, against
// under 1 ms for /proc/net/dev, which the kernel fills from the same dev_get_stats().
// Difference: its rx "drop" column adds rx_missed_errors (zero for bridges, veth, tap).
import { closeSync, openSync, readSync } from 'node:fs';
import type { Counters } from '../readers/bridge-stats.js';

// Column order after "NAME:" (see the two header lines of the file).
const RX_BYTES = 0;
const RX_PACKETS = 1;
const RX_ERRS = 2;
const RX_DROP = 3;
const TX_BYTES = 8;
const TX_PACKETS = 9;
const TX_ERRS = 10;
const TX_DROP = 11;

export function parseProcNetDev(text: string): Map<string, Counters> {
  const out = new Map<string, Counters>();
  for (const line of text.split('\n')) {
    // Names may not hold ':' (the kernel refuses them), so the first one ends the name.
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const f = line
      .slice(colon + 1)
      .trim()
      .split(/\s+/)
      .map(Number);
    if (f.length < 16) continue;
    out.set(line.slice(0, colon).trim(), {
      rx_bytes: f[RX_BYTES] as number,
      tx_bytes: f[TX_BYTES] as number,
      rx_packets: f[RX_PACKETS] as number,
      tx_packets: f[TX_PACKETS] as number,
      rx_errors: f[RX_ERRS] as number,
      tx_errors: f[TX_ERRS] as number,
      rx_dropped: f[RX_DROP] as number,
      tx_dropped: f[TX_DROP] as number,
    });
  }
  return out;
}

/** Reads the whole file into one reused buffer (it grows when a namespace has many links). */
export class ProcNetDevReader {
  private buffer = Buffer.alloc(64 * 1024);

  constructor(readonly path = '/proc/net/dev') {}

  readText(): string {
    const fd = openSync(this.path, 'r');
    try {
      let length = 0;
      for (;;) {
        if (length === this.buffer.length)
          this.buffer = Buffer.concat([this.buffer, Buffer.alloc(this.buffer.length)]);
        const n = readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (n === 0) break;
        length += n;
      }
      return this.buffer.toString('latin1', 0, length);
    } finally {
      closeSync(fd);
    }
  }

  read(): Map<string, Counters> {
    return parseProcNetDev(this.readText());
  }
}
