// A second web shell in the playground's namespace, started with --terminal (the
// playground's own shell runs without it, as a user's would): the terminal spec needs
// the explicit flag, and the default shell shows the tab's "how to enable" text.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { forwardLoopback } from '../playground/forwarder.js';
import { type Playground, repoRoot } from '../playground/playground.js';

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
  const stop = async () => {
    child.kill('SIGTERM');
    await forwarder.close();
  };
  try {
    return { url: await printedUrl(child), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error('the web shell did not start within 60 s')), 60_000);
    lines.on('line', (line) => {
      const m = /(http:\/\/\S+)/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the web shell exited with status ${code}`)));
  });
}
