// The registry of networks: the read model, the changes under one lock, and define's checked input.

export { CheckedDefinition } from './checked-definition.js';
export type { CreateOptions, NetworkControl } from './network-control.js';
export { NetworkReads } from './network-reads.js';
export { type NetworkSummary, Registry } from './registry.js';
