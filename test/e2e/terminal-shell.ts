// A second web shell in the playground's namespace, started with --terminal (the
// playground's own shell runs without it, as a user's would): the terminal spec needs
// the explicit flag, and the default shell shows the tab's "how to enable" text.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { forwardLoopback } from '../playground/forwarder.js';
import { type Playground, printedUrl, repoRoot } from '../playground/playground.js';
import { exitOf } from '../support/child-exit.js';

export interface TerminalShell {
  url: string;
  stop(): Promise<void>;
}

export async function startTerminalShell(pg: Playground): Promise<TerminalShell> {
  const socketPath = join(pg.topo.dirs.root, 'web-terminal.sock');
  const forwarder = await forwardLoopback(socketPath, 0);
  const serve = join(repoRoot, 'dist/main/web/serve.js');
  const args = ['netns', 'exec', pg.topo.host, process.execPath, serve, '--terminal'];
  const child = spawn('ip', [...args, '--socket', socketPath, '--public-port', String(forwarder.port)], {
    env: pg.topo.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = exitOf(child);
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await forwarder.close();
  };
  try {
    return { url: await printedUrl(child), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
