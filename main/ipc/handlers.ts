// Every channel of the contract, for one window (an Electron window or one WebSocket
// of the web shell): the network service is shared, the statistics subscriptions and
// terminals belong to the window and end with it. The Handlers type makes a missing
// channel a compile error.
import type { EventName, EventPayload } from '../../contract/ipc.js';
import type { AppServices } from '../services/app-services.js';
import { noHelper } from '../services/helper-monitor.js';
import { historyOf, StatsWatch } from '../services/stats-watch.js';
import type { Handlers } from './dispatch.js';

// Defined beside the code that opens them, so services never import ipc.
export type { AppServices } from '../services/app-services.js';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface WindowHandle {
  handlers: Handlers;
  /** Releases the window's subscriptions and terminals. */
  close(): void;
}

export function openWindow(app: AppServices, emit: Emit): WindowHandle {
  const unsubscribe = app.network.subscribe((rows) => emit('networks.changed', rows));
  const helper = app.helper ?? noHelper;
  const unwatchHelper = helper.subscribe((status) => emit('helper.changed', status));
  const stats = new StatsWatch(app.sampler, (s) => emit('stats.sample', s));
  const terminals = app.terminal.session({
    data: (id, data) => emit('terminal.data', { id, data }),
    exit: (id, code) => emit('terminal.exit', { id, code }),
  });
  const service = app.network;
  const handlers: Handlers = {
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
    'networks.defineAndStart': async ({ xml, autostart, start }) =>
      identity(await service.defineAndStart(xml, { autostart, start })),
    'networks.restart': async ({ name }) => {
      await service.restart(name);
      return { name };
    },
    'networks.remove': async ({ name }) => {
      await service.remove(name);
      return { name };
    },
    'networks.applyFix': async ({ name, fix }) => ({ name, ...(await service.applyFix(name, fix)) }),
    'networks.update': ({ name, command, section, xml, live, config }) =>
      service.update(name, { command, section, xml }, { live, config }),
    'networks.reserve': ({ name, mac, ip, hostname }) =>
      service.reserve(name, { mac, ip, ...(hostname ? { hostname } : {}) }),
    'host.facts': () => service.hostFacts(),
    'networks.connect': ({ name }) => service.connect(name),
    'networks.ports': ({ name }) => service.ports(name),
    'networks.userAttach': async ({ name, on }) => {
      await service.setUserAttach(name, on);
      return { name };
    },
    'stats.watch': ({ bridges }) => {
      stats.set(bridges);
      return {};
    },
    'stats.history': ({ bridge, seconds }) => historyOf(app.sampler, bridge, seconds),
    'health.check': () => service.doctor(),
    'health.repair': ({ action }) => service.repair(action),
    'helper.status': () => helper.status(),
    'helper.reconnect': () => helper.reconnect(),
    'app.features': () => app.terminal.features(),
    'terminal.open': ({ cols, rows }) => ({ id: terminals.open(cols, rows) }),
    'terminal.input': ({ id, data }) => {
      terminals.input(id, data);
      return {};
    },
    'terminal.resize': ({ id, cols, rows }) => {
      terminals.resize(id, cols, rows);
      return {};
    },
    'terminal.close': ({ id }) => {
      terminals.close(id);
      return {};
    },
  };
  return {
    handlers,
    close() {
      unsubscribe();
      unwatchHelper();
      stats.close();
      terminals.closeAll();
    },
  };
}

/** Only the identity crosses the boundary, not whatever else the control returns. */
const identity = (n: { name: string; uuid: string }) => ({ name: n.name, uuid: n.uuid });
