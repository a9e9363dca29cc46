// The eight kernel counters of a network link, named as the kernel names them in
// /sys/class/net/LINK/statistics/. Written once: the host reads them under these
// names, the contract carries their per-second rates under the same names, and the
// renderer keeps one column per name, in this order.
export const COUNTER_NAMES = [
  'rx_bytes',
  'tx_bytes',
  'rx_packets',
  'tx_packets',
  'rx_errors',
  'tx_errors',
  'rx_dropped',
  'tx_dropped',
] as const;

export type CounterName = (typeof COUNTER_NAMES)[number];
export type Counters = Record<CounterName, number>;

export function zeroCounters(): Counters {
  return Object.fromEntries(COUNTER_NAMES.map((name) => [name, 0])) as Counters;
}
