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
const COLUMNS = 12;

const SPACE = 0x20;
const NEWLINE = 0x0a;
const COLON = 0x3a;
const ZERO = 0x30;

/**
 * Hand-scanned rather than split into arrays: it runs every second over every link
 * (measured: a third of the cost of split(/\s+/) for 500 links). Values past 2^53
 * lose precision, which no counter of a running system reaches.
 */
export function parseProcNetDev(text: string): Map<string, Counters> {
  const out = new Map<string, Counters>();
  const cols = new Array<number>(COLUMNS).fill(0);
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    // Names may not hold ':' (the kernel refuses them), so the first one ends the name.
    const colon = text.indexOf(':', pos);
    if (colon >= 0 && colon < end && readColumns(text, colon + 1, end, cols)) {
      out.set(text.slice(pos, colon).trim(), {
        rx_bytes: cols[RX_BYTES] as number,
        tx_bytes: cols[TX_BYTES] as number,
        rx_packets: cols[RX_PACKETS] as number,
        tx_packets: cols[TX_PACKETS] as number,
        rx_errors: cols[RX_ERRS] as number,
        tx_errors: cols[TX_ERRS] as number,
        rx_dropped: cols[RX_DROP] as number,
        tx_dropped: cols[TX_DROP] as number,
      });
    }
    pos = end + 1;
  }
  return out;
}

/** The first COLUMNS decimal numbers between from and end; false if the line has fewer. */
function readColumns(text: string, from: number, end: number, cols: number[]): boolean {
  let i = from;
  for (let c = 0; c < COLUMNS; c++) {
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    if (i >= end) return false;
    let n = 0;
    let digits = 0;
    for (
      let ch = text.charCodeAt(i);
      i < end && ch !== SPACE && ch !== NEWLINE && ch !== COLON;
      ch = text.charCodeAt(++i)
    ) {
      const d = ch - ZERO;
      if (d < 0 || d > 9) return false;
      n = n * 10 + d;
      digits++;
    }
    if (digits === 0) return false;
    cols[c] = n;
  }
  return true;
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
