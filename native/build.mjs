// `npm install` builds the native addon (process start, flock, stats) with node-gyp against
// Node's own headers. Without a compiler the build fails and Switchyard runs its
// commands through child_process instead: slower on small machines, otherwise the same.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// npm names its bundled node-gyp; outside npm, one on PATH.
const gyp = process.env.npm_config_node_gyp;
const [cmd, base] = gyp ? [process.execPath, [gyp]] : ['node-gyp', []];
const args = [...base, 'rebuild'];
// Distribution packages ship the headers under /usr: no download needed.
if (!process.env.npm_config_nodedir && existsSync('/usr/include/node/node_api.h'))
  args.push('--nodedir=/usr');

const r = spawnSync(cmd, args, { cwd: here, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
if (r.status !== 0) {
  const why =
    r.error?.message ??
    r.stderr
      .split('\n')
      .filter((l) => /ERR!|error/.test(l))
      .slice(0, 3)
      .join('\n');
  console.warn(
    `switchyard: the native addon did not build; commands will run through child_process.\n${why}`,
  );
}
