// The services both shells (Electron and web) build at start-up, Electron-free.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readLinkState } from '../../host/exec/read-links.js';
import type { HostPaths } from '../../host/paths.js';
import {
  linkKinds,
  readHostInterfaces,
  systemInformationInterfaces,
} from '../../host/readers/host-interfaces.js';
import { StatsSampler } from '../../host/stats/index.js';
import type { HelperMonitor } from './helper-monitor.js';
import { NetworkService } from './network-service.js';
import { openControl } from './open-control.js';
import { type SpawnPty, TerminalService } from './terminal-service.js';

/** The checkout's (or the package's) bin/, where `switchyard` is: dist/main/services/../../../bin. */
export const BIN_DIR = fileURLToPath(new URL('../../../bin', import.meta.url));

/** What every window's handlers share (main/ipc/handlers.ts). */
export interface AppServices {
  network: NetworkService;
  sampler: StatsSampler;
  terminal: TerminalService;
  /** The root helper's status for the banner; none when main makes changes itself. */
  helper?: HelperMonitor;
}

export interface OpenedApp extends AppServices {
  close(): Promise<void>;
}

export function openApp(
  paths: HostPaths,
  env: NodeJS.ProcessEnv,
  terminal: { enabled: boolean; disabledHint?: string },
): OpenedApp {
  const opened = openControl(paths, env);
  const network = new NetworkService({
    paths,
    control: opened.control,
    readLinks: readLinkState,
    readInterfaces: async () => {
      const [si, kinds] = await Promise.all([systemInformationInterfaces(), linkKinds()]);
      return readHostInterfaces(si, kinds);
    },
  });
  const sampler = new StatsSampler({
    onError: (err) => console.error('switchyard: statistics tick failed:', err),
  });
  const terminalService = new TerminalService({ ...terminal, binDir: BIN_DIR, spawn: loadPty, env });
  return {
    network,
    sampler,
    terminal: terminalService,
    helper: opened.helper,
    async close() {
      network.close();
      await opened.close();
    },
  };
}

/** node-pty is native: loaded on first use, so a shell without a terminal never needs it. */
const loadPty: SpawnPty = (file, args, opts) => {
  const pty = createRequire(import.meta.url)('node-pty') as { spawn: SpawnPty };
  return pty.spawn(file, args, opts);
};
