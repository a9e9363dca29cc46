// The Registry needs an engine only for changes; the app reads through it without
// privileges, so any attempt to change the host this way is a programming error.
import { HostError } from '../../host/host-error.js';
import type { EnginePort } from '../../host/networks/engine-port.js';

const refuse = (): never => {
  throw new HostError('internal', 'the read-only registry cannot change the host; use the NetworkControl');
};

export const readOnlyEngine: EnginePort = {
  start: async () => refuse(),
  stop: async () => refuse(),
  reconcile: async () => refuse(),
  hostLinkNames: async () => refuse(),
  hostSubnets: async () => refuse(),
  doctor: async () => refuse(),
  repair: async () => refuse(),
};
