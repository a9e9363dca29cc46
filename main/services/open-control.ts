// Who makes changes for the app. As root (the playground, the end-to-end tests, a
// headless host run by an administrator) the engine runs in-process; otherwise the
// changes go to the root helper, started through pkexec on first use and started again
// at once when it ends on its own, so the window's banner can clear by itself. Either
// way the requests come from a renderer, so the registry serves them as unprivileged.
import { createEngine } from '../../host/engine/index.js';
import { HelperClient, helperCommandFromEnv } from '../../host/helper-client/index.js';
import type { NetworkControl } from '../../host/networks/index.js';
import { Registry } from '../../host/networks/index.js';
import type { HostPaths } from '../../host/paths.js';
import { type HelperMonitor, helperMonitor, noHelper } from './helper-monitor.js';

export interface OpenedControl {
  control: NetworkControl;
  helper: HelperMonitor;
  close(): Promise<void>;
}

export function openControl(paths: HostPaths, env: NodeJS.ProcessEnv): OpenedControl {
  if (process.getuid?.() === 0)
    return {
      control: new Registry(paths, createEngine(paths, env), 'unprivileged'),
      helper: noHelper,
      close: async () => {},
    };
  const { monitor, feed } = helperMonitor(() => client);
  const client = new HelperClient({
    command: helperCommandFromEnv(env),
    restartWhenLost: true,
    onStatus: feed,
  });
  return { control: client, helper: monitor, close: () => client.close() };
}
