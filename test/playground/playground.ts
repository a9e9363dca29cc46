// A safe place to try Switchyard: the engine runs in a private "host" namespace with an
// uplink namespace ("wan", 203.0.113.2) and demo guests that take DHCP leases and ping
// the outside, so the list shows live networks with leases — and the machine's own
// network is never touched. The web shell runs inside that namespace; the machine's
// browser reaches it through a forwarder on 127.0.0.1. The end-to-end tests use it too.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createTopology, type Topology, UPLINK_WAN_IP } from '../integration/harness/topology.js';
import { type ChildExit, exitOf } from '../support/child-exit.js';
import { forwardLoopback } from './forwarder.js';

/** The checkout: this file runs from test/playground (Playwright) or dist/test/playground (npm run playground). */
export const repoRoot = findRepoRoot(fileURLToPath(new URL('.', import.meta.url)));

function findRepoRoot(dir: string): string {
  let at = dir;
  while (!existsSync(join(at, 'package.json')) || at.endsWith('/dist')) {
    const up = dirname(at);
    if (up === at) throw new Error(`no package.json above ${dir}`);
    at = up;
  }
  return at;
}
const cli = join(repoRoot, 'bin/switchyard');
const serve = join(repoRoot, 'dist/main/web/serve.js');

export interface PlaygroundOptions {
  guests?: number;
  /** Define, start and populate the demo networks (the e2e tests start empty). */
  demo?: boolean;
  port?: number;
  log?: (line: string) => void;
  /** Added to the web shell's environment (e.g. a shorter health-check interval). */
  env?: NodeJS.ProcessEnv;
}

export interface Playground {
  url: string;
  token: string;
  port: number;
  topo: Topology;
  /** `switchyard ARGS` inside the playground (as a user would in a terminal). */
  cli(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

export function playgroundSkipReason(): string | undefined {
  if (process.platform !== 'linux') return 'the playground needs Linux network namespaces';
  if (process.getuid?.() !== 0) return 'the playground must run as root (it creates network namespaces)';
  if (!existsSync(serve)) return `${serve} is missing: run npm run build first`;
  if (!existsSync(join(repoRoot, 'dist/renderer/index.html')))
    return 'dist/renderer is missing: run npm run build first';
  return undefined;
}

export async function startPlayground(opts: PlaygroundOptions = {}): Promise<Playground> {
  const log = opts.log ?? (() => {});
  const topo = await createTopology({ guests: opts.guests ?? 2 });
  let server: ChildProcess | undefined;
  let serverExit: Promise<ChildExit> | undefined;
  let forwarder: Awaited<ReturnType<typeof forwardLoopback>> | undefined;
  const stop = async () => {
    if (server?.exitCode === null) server.kill('SIGTERM');
    await serverExit;
    await forwarder?.close();
    await topo.cleanup();
  };
  // The playground's networks are the ones its specs and demo make: no `default` on first use.
  const runCli = (args: string[], input?: string) =>
    topo.runInHost(process.execPath, [cli, ...args], {
      env: { ...topo.env, SWITCHYARD_NO_DEFAULT: '1' },
      ...(input ? { input } : {}),
    });
  try {
    log(
      `namespaces: ${topo.host} (engine), ${topo.wan} (uplink ${UPLINK_WAN_IP}), ${topo.guests.join(', ')}`,
    );
    if (opts.demo) await populate(topo, runCli, log);
    const socketPath = join(topo.dirs.root, 'web.sock');
    // The public port must be known before the shell starts: it checks Host and Origin against it.
    forwarder = await forwardLoopback(socketPath, opts.port ?? 0);
    server = spawn(
      'ip',
      [
        'netns',
        'exec',
        topo.host,
        process.execPath,
        serve,
        '--socket',
        socketPath,
        '--public-port',
        String(forwarder.port),
      ],
      { env: { ...topo.env, ...opts.env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    serverExit = exitOf(server);
    const url = await printedUrl(server);
    const token = new URL(url).searchParams.get('token') ?? '';
    return { url, token, port: forwarder.port, topo, cli: runCli, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The URL a web shell prints on start-up (serve.js writes it on one stdout line). */
export function printedUrl(child: ChildProcess): Promise<string> {
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

const DEMO_NETWORKS = [
  { name: 'default', xml: demoXml('default', 'nat', '192.168.122'), autostart: true },
  { name: 'lab', xml: demoXml('lab', 'isolated', '10.10.0'), autostart: false },
];

function demoXml(name: string, mode: 'nat' | 'isolated', prefix: string): string {
  return `<network>
  <name>${name}</name>
${mode === 'nat' ? "  <forward mode='nat'/>\n" : ''}  <bridge stp='off'/>
  <domain name='${name}.test' localOnly='yes'/>
  <ip address='${prefix}.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='${prefix}.100' end='${prefix}.199'/>
    </dhcp>
  </ip>
</network>
`;
}

async function populate(topo: Topology, cli: Playground['cli'], log: (line: string) => void): Promise<void> {
  for (const n of DEMO_NETWORKS) {
    const file = join(topo.dirs.root, `${n.name}.xml`);
    writeFileSync(file, n.xml);
    for (const args of [
      ['net-define', file],
      ...(n.autostart ? [['net-autostart', n.name]] : []),
      ['net-start', n.name],
    ]) {
      const r = await cli(args);
      if (r.code !== 0) throw new Error(`switchyard ${args.join(' ')} failed: ${r.stderr.trim()}`);
    }
  }
  const bridge = (await cli(['net-info', 'default'])).stdout.match(/Bridge:\s+(\S+)/)?.[1];
  if (!bridge) throw new Error('cannot find the bridge of the demo network');
  for (const guest of topo.guests) {
    await topo.plugGuest(guest, bridge);
    const lease = await topo.dhcp(guest);
    log(`${guest}: ${lease ? `lease ${lease.ip}` : 'no lease'}`);
    // Some traffic for the counters: the outside, once a second (killed with the namespace).
    spawn('ip', ['netns', 'exec', guest, 'busybox', 'ping', '-q', '-i', '1', UPLINK_WAN_IP], {
      stdio: 'ignore',
    }).unref();
  }
}
