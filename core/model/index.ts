// The network definition as data, and the link counters every layer names the same way.

export { COUNTER_NAMES, type CounterName, type Counters, zeroCounters } from './counters.js';
export {
  type DhcpHost,
  effectiveMode,
  type IpDef,
  type IpFamily,
  ipFamily,
  type LeaseTime,
  managedModeOf,
  NETWORK_MODES,
  type NetworkDef,
  type Pos,
} from './network.js';
