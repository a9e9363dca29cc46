// What define adds to a definition (UUID, bridge, MAC), the default network, the app's
// settings form and start-collision fixes applied to a definition.

export { defaultNetworkDef, natIp } from './default-network.js';
export { type DefinedNetwork, fillDefaults } from './fill-defaults.js';
export { applyNetworkFix, moveAddress, type NetworkFix } from './network-fix.js';
export {
  applySettings,
  hasManagedMode,
  type LeaseUnit,
  type NetworkSettings,
  readSettings,
  subnetOf,
} from './network-settings.js';
export { withQuickSwitchDefaults } from './quick-switch.js';
