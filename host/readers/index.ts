// What the host says now (links, routes, counters, VM owners), read without changing anything.

export { bridgePorts, COUNTERS, readCounters } from './bridge-stats.js';
export {
  type HostInterface,
  linkKinds,
  readHostInterfaces,
  systemInformationInterfaces,
  uplinkCandidates,
} from './host-interfaces.js';
export { type Lease, readLeases } from './leases.js';
export { type NetworkPort, readNetworkPorts } from './network-ports.js';
