// Every channel of the contract, answered by the network service. The Handlers type
// makes a missing channel a compile error.
import type { NetworkService } from '../services/network-service.js';
import type { Handlers } from './dispatch.js';

export function networkHandlers(service: NetworkService): Handlers {
  return {
    'networks.list': () => service.list(),
    'networks.xml': ({ name }) => service.xml(name),
    'networks.leases': ({ name }) => service.leases(name),
    'networks.define': async ({ xml }) => identity(await service.define(xml)),
    'networks.create': async ({ xml }) => identity(await service.create(xml)),
    'networks.start': async ({ name }) => {
      await service.start(name);
      return { name };
    },
    'networks.stop': async ({ name }) => {
      await service.stop(name);
      return { name };
    },
    'networks.undefine': async ({ name }) => {
      await service.undefine(name);
      return { name };
    },
    'networks.autostart': async ({ name, on }) => {
      await service.setAutostart(name, on);
      return { name };
    },
    'host.facts': () => service.hostFacts(),
  };
}

/** Only the identity crosses the boundary, not whatever else the control returns. */
const identity = (n: { name: string; uuid: string }) => ({ name: n.name, uuid: n.uuid });
