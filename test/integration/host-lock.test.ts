// The host lock is an flock on a 0600 file in the root-owned run dir. Another user
// cannot take it (the old abstract-socket lock could be squatted by anyone, blocking
// every change for 60 s); a root process that holds it makes a command give up with
// a conflict that names the holder.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitOf } from '../support/child-exit.js';
import { pollUntil } from '../support/poll-until.js';
import { CLI as cli, cliRunner } from './harness/cli-runner.js';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

describe.skipIf(skipReason !== undefined)('the host lock', () => {
  let topo: Topology;
  const { run: sy } = cliRunner(() => topo);
  const lock = () => join(topo.dirs.run, '.lock');

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology();
    const xml = netXml({ name: 'lk', bridge: 'sylk0', net: '192.168.176', mode: 'nat' });
    expect((await sy(['net-define', writeXml(topo, 'lk', xml)])).code).toBe(0);
  });
  afterAll(async () => {
    await topo?.cleanup();
  });

  it('is a private file of root that another user cannot open, let alone lock', async () => {
    expect(statSync(lock()).mode & 0o777).toBe(0o600);
    expect(statSync(topo.dirs.run).mode & 0o022).toBe(0);
    const squat = await topo.runInHost('runuser', ['-u', 'nobody', '--', 'flock', '-n', lock(), 'true']);
    expect(squat.code).not.toBe(0);
    expect(squat.stderr).toMatch(/Permission denied/);
  });

  it('cannot be squatted by another user binding the abstract socket name the old lock used', async () => {
    const name = `\0switchyard-lock-${createHash('sha256').update(topo.dirs.run).digest('hex').slice(0, 32)}`;
    const script = `require('net').createServer().listen(${JSON.stringify(name)}, () => console.log('bound'))`;
    const squatter = spawn(
      'ip',
      ['netns', 'exec', topo.host, 'runuser', '-u', 'nobody', '--', process.execPath, '-e', script],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const gone = exitOf(squatter);
    try {
      await new Promise((resolve, reject) => {
        squatter.stdout?.once('data', resolve);
        void gone.then(() => reject(new Error('the squatter could not bind')));
      });
      const r = await sy(['net-start', 'lk'], { SWITCHYARD_LOCK_WAIT_MS: '2000' });
      expect(r.stderr).toBe('');
      expect((await sy(['net-destroy', 'lk'])).code).toBe(0);
    } finally {
      squatter.kill('SIGKILL');
      await gone;
    }
  });

  // A holder killed -9 releases it at once: every crash test in cli-lifecycle.test.ts
  // kills the engine while it holds the lock, and the next command takes it.
  it('makes a command give up with a conflict naming the process that holds it', async () => {
    // -o: sleep does not inherit the descriptor, so flock(1) alone holds the lock.
    const holder = spawn('ip', ['netns', 'exec', topo.host, 'flock', '-o', lock(), 'sleep', 'infinity'], {
      stdio: 'ignore',
    });
    const gone = exitOf(holder);
    try {
      await pollUntil('flock(1) to hold the lock', async () =>
        (await topo.runInHost('cat', ['/proc/locks'])).stdout.includes(` ${holder.pid} `),
      );
      const r = await sy(['net-start', 'lk'], { SWITCHYARD_LOCK_WAIT_MS: '200' });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        new RegExp(
          `^error: another switchyard command holds the host lock .*\\(held by pid ${holder.pid}: flock `,
        ),
      );
      // Reads as a normal user need no lock.
      const asUser = await topo.runInHost(
        'runuser',
        ['-u', 'nobody', '--', process.execPath, cli, 'net-list', '--all', '--name'],
        { env: { ...topo.env, SWITCHYARD_NO_DEFAULT: '1' } },
      );
      expect(asUser.stdout).toBe('lk\n\n');
    } finally {
      holder.kill('SIGKILL');
      await gone;
    }
    // Its sleep lives on in the namespace until cleanup; the lock went with flock(1).
    expect((await sy(['net-start', 'lk'], { SWITCHYARD_LOCK_WAIT_MS: '30000' })).stderr).toBe('');
    expect((await sy(['net-destroy', 'lk'])).code).toBe(0);
  });
});
