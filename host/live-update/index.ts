// net-update on the host, and the leases view's "Reserve".
export { type LeaseToReserve, reserveLease, reserveLeaseLocked } from './reserve-lease.js';
export {
  type UpdateOptions,
  type UpdateOutcome,
  updateNetwork,
  updateNetworkLocked,
} from './update-network.js';
export { type UpdateFlags, type UpdateTargets, updateTargets } from './update-scope.js';
