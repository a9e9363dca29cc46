// The list as the window knows it: loaded once, then replaced by every
// networks.changed event main pushes (our changes, the CLI's, new leases).
import type { HostFacts, NetworkRow } from '../../../../contract/ipc.js';
import { call, errorOf } from '../../api/call.js';

class NetworksState {
  // Raw: the list is replaced whole on every change, so per-row proxies would only cost time.
  rows = $state.raw<NetworkRow[]>([]);
  loaded = $state(false);
  loadError = $state<string | undefined>(undefined);
  facts = $state.raw<HostFacts>({ interfaces: [], uplinks: [], subnetsInUse: [] });
  /** Network name -> what is running on it now ("Starting…"), for button progress. */
  busy = $state<Record<string, string>>({});

  private unsubscribe: (() => void) | undefined;

  async load(): Promise<void> {
    this.unsubscribe ??= window.api.on('networks.changed', (rows) => {
      this.rows = rows;
    });
    try {
      this.rows = await call('networks.list', {});
      this.loadError = undefined;
    } catch (err) {
      this.loadError = errorOf(err).message;
    }
    this.loaded = true;
    void this.refreshFacts();
  }

  async refreshFacts(): Promise<void> {
    try {
      this.facts = await call('host.facts', {});
    } catch {
      // Facts only improve suggestions; the wizard works without them.
    }
  }

  byName(name: string | undefined): NetworkRow | undefined {
    return name === undefined ? undefined : this.rows.find((r) => r.name === name);
  }

  /** Runs one action on a network with its progress label shown on the buttons. */
  async withBusy<T>(name: string, label: string, fn: () => Promise<T>): Promise<T> {
    this.busy = { ...this.busy, [name]: label };
    try {
      return await fn();
    } finally {
      const { [name]: _done, ...rest } = this.busy;
      this.busy = rest;
    }
  }
}

export const networks = new NetworksState();
