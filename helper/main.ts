// switchyard-helper: the root side of the privilege boundary. Started once per app
// session through pkexec (which clears the environment, so the state directories are
// the defaults), it reads requests on stdin, answers on stdout and logs on stderr.
// It runs the registry in-process; no request ever reaches a shell.
import { createEngine } from '../host/engine/index.js';
import { Registry } from '../host/networks/index.js';
import { hostPaths } from '../host/paths.js';
import { withLock } from '../host/state/index.js';
import { serve } from './serve.js';

const log = (message: string): void => {
  process.stderr.write(`switchyard-helper[${process.pid}]: ${message}\n`);
};

// State files must stay world-readable whatever umask the caller had.
process.umask(0o022);
process.chdir('/');

const paths = hostPaths(process.env);
const engine = createEngine(paths, process.env, log);
// Every caller of the helper is unprivileged: what it may ask dnsmasq to do is limited.
const registry = new Registry(paths, engine, 'unprivileged');

// A bug must not take the helper down mid-session; the failing request has already
// been answered or will be reported by the client when its timeout passes.
process.on('uncaughtException', (err) => log(`uncaught: ${err.stack ?? err.message}`));
process.on('unhandledRejection', (err) => log(`unhandled rejection: ${String(err)}`));

const caller = process.env.PKEXEC_UID ?? 'direct';
log(`started for uid ${caller}, state in ${paths.configDir}, ${paths.runDir}`);

const serving = serve({
  input: process.stdin,
  output: process.stdout,
  backend: registry,
  prepare: () => withLock(paths.runDir, () => engine.reconcile()),
  log,
  identity: { pid: process.pid, uid: process.getuid?.() ?? -1 },
});

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.on(signal, () => serving.stop(`helper received ${signal}`));
}

serving.done.then(() => {
  log('exiting');
  process.exit(0);
});
