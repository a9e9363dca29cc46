// `npm run web`: the web shell on 127.0.0.1 (random port unless --port) for headless
// hosts and the browser tests. Prints the URL with this run's token.
//   node dist/main/web/serve.js [--port N] [--socket PATH --public-port N] [--renderer DIR] [--terminal]
// --terminal turns on the Terminal tab (a shell as this user, reachable by anyone with the URL).
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hostPaths } from '../../host/paths.js';
import { openApp } from '../services/app-services.js';
import { type Listen, startWebShell } from './web-server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    socket: { type: 'string' },
    'public-port': { type: 'string' },
    renderer: { type: 'string', default: fileURLToPath(new URL('../../renderer', import.meta.url)) },
    terminal: { type: 'boolean', default: false },
  },
});

function listenFrom(): Listen {
  if (values.socket) return { socketPath: values.socket, publicPort: Number(values['public-port']) };
  return { port: Number(values.port) };
}

const paths = hostPaths(process.env);
const app = openApp(paths, process.env, {
  enabled: values.terminal,
  disabledHint:
    'The terminal is off in the web shell. Start it with: node dist/main/web/serve.js --terminal (npm run web -- --terminal)',
});
const shell = await startWebShell({
  rendererDir: values.renderer,
  app,
  listen: listenFrom(),
  ...(process.env.SWITCHYARD_WEB_TOKEN ? { token: process.env.SWITCHYARD_WEB_TOKEN } : {}),
});
process.stdout.write(`Switchyard web shell: ${shell.url}${values.terminal ? ' (terminal on)' : ''}\n`);

// A signal always ends the process, even when a close fails: whoever sent it waits for the exit.
const stop = async () => {
  try {
    await app.close();
    await shell.close();
  } catch (err) {
    console.error('switchyard: closing the web shell failed:', err);
    process.exitCode = 1;
  } finally {
    process.exit();
  }
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
