// `npm run web`: the web shell on 127.0.0.1 (random port unless --port) for headless
// hosts and the browser tests. Prints the URL with this run's token.
//   node dist/main/web/serve.js [--port N] [--socket PATH --public-port N] [--renderer DIR]
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readLinkState } from '../../host/exec/read-links.js';
import { hostPaths } from '../../host/paths.js';
import { networkHandlers } from '../ipc/handlers.js';
import { NetworkService } from '../services/network-service.js';
import { openControl } from '../services/open-control.js';
import { type Listen, startWebShell } from './web-server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    socket: { type: 'string' },
    'public-port': { type: 'string' },
    renderer: { type: 'string', default: fileURLToPath(new URL('../../renderer', import.meta.url)) },
  },
});

function listenFrom(): Listen {
  if (values.socket) return { socketPath: values.socket, publicPort: Number(values['public-port']) };
  return { port: Number(values.port) };
}

const paths = hostPaths(process.env);
const opened = openControl(paths, process.env);
const service = new NetworkService({ paths, control: opened.control, readLinks: readLinkState });
const shell = await startWebShell({
  rendererDir: values.renderer,
  service,
  handlers: networkHandlers(service),
  listen: listenFrom(),
  ...(process.env.SWITCHYARD_WEB_TOKEN ? { token: process.env.SWITCHYARD_WEB_TOKEN } : {}),
});
process.stdout.write(`Switchyard web shell: ${shell.url}\n`);

const stop = async () => {
  service.close();
  await opened.close();
  await shell.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
