// The services both shells (Electron and web) build at start-up, Electron-free.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { readLinkState } from '../../host/exec/index.js';
import type { HostPaths } from '../../host/paths.js';
import { linkKinds, readHostInterfaces, systemInformationInterfaces } from '../../host/readers/index.js';
import { listActiveNames } from '../../host/state/index.js';
import { StatsSampler } from '../../host/stats/index.js';
import { HealthWatch } from './health-watch.js';
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
  /** The doctor asked again and again while a window is open (health-watch.ts). */
  health?: HealthWatch;
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
  const health = new HealthWatch({
    doctor: () => opened.control.doctor(),
    repair: (actions) => opened.control.repair(actions),
    activeNetworks: () => listActiveNames(paths).length,
    helperState: () => opened.helper.status().state,
    intervalMs: healthInterval(env),
    onError: (err) => console.error('switchyard: the health check failed:', err),
  });
  return {
    network,
    sampler,
    terminal: terminalService,
    helper: opened.helper,
    health,
    async close() {
      health.close();
      network.close();
      await opened.close();
    },
  };
}

/**
 * SWITCHYARD_HEALTH_INTERVAL_MS shortens the watcher's interval (the end-to-end tests);
 * it only changes how often this process asks, never what the helper does.
 */
function healthInterval(env: NodeJS.ProcessEnv): number | undefined {
  const ms = Number(env.SWITCHYARD_HEALTH_INTERVAL_MS);
  return Number.isInteger(ms) && ms >= 100 ? ms : undefined;
}

/** node-pty is native: loaded on first use, so a shell without a terminal never needs it. */
const loadPty: SpawnPty = (file, args, opts) => {
  const pty = createRequire(import.meta.url)('node-pty') as { spawn: SpawnPty };
  return pty.spawn(file, args, opts);
};
