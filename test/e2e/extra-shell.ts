// Another web shell in the playground's namespace, owned by one spec: with --terminal
// (the playground's own shell runs without it, as a user's would), or one the spec
// kills by its PID and starts again behind the same address and token, as a web shell
// that crashed and was restarted would be.
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { forwardLoopback } from '../playground/forwarder.js';
import { type Playground, printedUrl, repoRoot } from '../playground/playground.js';
import { type ChildExit, exitOf } from '../support/child-exit.js';

export interface ExtraShell {
  url: string;
  /** The running web shell's PID (ip netns exec replaces itself with node, so it is node's). */
  readonly pid: number;
  /** SIGKILL by PID, as a crash: the shell gets no chance to close its sockets. */
  kill(): Promise<ChildExit>;
  /** Starts it again with the same socket, port and token. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startExtraShell(
  pg: Playground,
  opts: { name: string; terminal?: boolean },
): Promise<ExtraShell> {
  const socketPath = join(pg.topo.dirs.root, `${opts.name}.sock`);
  const forwarder = await forwardLoopback(socketPath, 0);
  const serve = join(repoRoot, 'dist/main/web/serve.js');
  const args = [
    'netns',
    'exec',
    pg.topo.host,
    process.execPath,
    serve,
    ...(opts.terminal ? ['--terminal'] : []),
  ];
  let token: string | undefined;
  let child: { process: ChildProcess; exited: Promise<ChildExit> } | undefined;
  const spawnShell = async (): Promise<string> => {
    const proc = spawn('ip', [...args, '--socket', socketPath, '--public-port', String(forwarder.port)], {
      env: { ...pg.topo.env, ...(token ? { SWITCHYARD_WEB_TOKEN: token } : {}) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child = { process: proc, exited: exitOf(proc) };
    return printedUrl(proc);
  };
  const stopShell = async () => {
    if (child?.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
    await child?.exited;
  };
  const stop = async () => {
    await stopShell();
    await forwarder.close();
  };
  try {
    const url = await spawnShell();
    token = new URL(url).searchParams.get('token') ?? undefined;
    return {
      url,
      get pid() {
        return child?.process.pid ?? -1;
      },
      async kill() {
        const running = child;
        if (!running?.process.pid) throw new Error('the web shell is not running');
        process.kill(running.process.pid, 'SIGKILL');
        return running.exited;
      },
      async restart() {
        await stopShell();
        // A killed shell leaves its socket file behind, and listen() refuses a path in use.
        rmSync(socketPath, { force: true });
        await spawnShell();
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
