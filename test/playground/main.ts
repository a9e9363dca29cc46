// `npm run playground` (as root): the demo world, the web shell, and a browser if one
// can be opened. Ctrl+C tears everything down.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { playgroundSkipReason, startPlayground } from './playground.js';

const { values } = parseArgs({ options: { port: { type: 'string' }, 'no-open': { type: 'boolean' } } });
const why = playgroundSkipReason();
if (why) {
  process.stderr.write(`playground: ${why}\n`);
  process.exit(1);
}
const log = (line: string) => process.stdout.write(`playground: ${line}\n`);
const pg = await startPlayground({ demo: true, ...(values.port ? { port: Number(values.port) } : {}), log });
log(`Switchyard is running against the playground: ${pg.url}`);
log(
  `try the CLI too: ip netns exec ${pg.topo.host} env SWITCHYARD_CONFIG_DIR=${pg.topo.dirs.config} SWITCHYARD_RUN_DIR=${pg.topo.dirs.run} SWITCHYARD_STATE_DIR=${pg.topo.dirs.state} bin/switchyard net-list --all`,
);
log('Ctrl+C stops it and deletes the namespaces');
if (!values['no-open'] && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) {
  spawn('xdg-open', [pg.url], { stdio: 'ignore', detached: true })
    .on('error', () => {})
    .unref();
}
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await pg.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
