// What the windows are told about the root helper. Main running as root makes its
// changes itself (status `none`, nothing to lose); otherwise the helper client's
// status is passed on as it changes.
import type { HelperStatusView } from '../../contract/ipc.js';
import type { HelperClient } from '../../host/helper-client/index.js';

export interface HelperMonitor {
  status(): HelperStatusView;
  /** Returns the unsubscribe function. */
  subscribe(listener: (status: HelperStatusView) => void): () => void;
  reconnect(): Promise<HelperStatusView>;
}

export const noHelper: HelperMonitor = {
  status: () => ({ state: 'none' }),
  subscribe: () => () => {},
  reconnect: async () => ({ state: 'none' }),
};

/** A monitor fed by the client's onStatus (`feed`), reading and reconnecting through it. */
export function helperMonitor(client: () => HelperClient): { monitor: HelperMonitor; feed: () => void } {
  const listeners = new Set<(status: HelperStatusView) => void>();
  return {
    monitor: {
      status: () => client().status,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      reconnect: () => client().reconnect(),
    },
    feed: () => {
      const status = client().status;
      for (const l of listeners) l(status);
    },
  };
}
