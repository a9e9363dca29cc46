// net-update as a normal user asks the root helper, like every other changing verb,
// instead of running the engine in-process (where it would fail writing /etc). The
// CLI runs as 'nobody' inside a private host namespace; the helper command is a
// wrapper that records each start and runs the real helper (as the same user: no
// pkexec here, so the state directories are the user's; the polkit path itself is
// test/integration/polkit-pkexec.test.ts).
import { chownSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './harness/engine-client.js';
import { skipReason } from './harness/preconditions.js';
import { type RunResult, run } from './harness/run.js';
import { createTopology, type Topology } from './harness/topology.js';

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const helper = fileURLToPath(new URL('../../dist/helper/main.js', import.meta.url));
const fixture = fileURLToPath(new URL('fixtures/virsh-parity/vpmv.xml', import.meta.url));
const NOBODY = 65534;
const ADD_PORTGROUP = ['net-update', 'vpmv', 'add', 'portgroup', "<portgroup name='pg1'/>", '--config'];

describe.skipIf(skipReason !== undefined)('net-update as a normal user', () => {
  let topo: Topology;
  let log: string;
  let wrapper: string;

  const asNobody = (args: string[]): Promise<RunResult> =>
    run('ip', [
      'netns',
      'exec',
      topo.host,
      'setpriv',
      `--reuid=${NOBODY}`,
      `--regid=${NOBODY}`,
      '--clear-groups',
      'env',
      '-i',
      'PATH=/usr/bin:/bin',
      'HOME=/nonexistent',
      `SWITCHYARD_CONFIG_DIR=${topo.dirs.config}`,
      `SWITCHYARD_RUN_DIR=${topo.dirs.run}`,
      `SWITCHYARD_STATE_DIR=${topo.dirs.state}`,
      'SWITCHYARD_NO_DEFAULT=1',
      'SWITCHYARD_HELPER_LAUNCHER=[]',
      `SWITCHYARD_HELPER_PATH=${wrapper}`,
      process.execPath,
      cli,
      ...args,
    ]);
  const helperStarts = (): number => readFileSync(log, 'utf8').split('\n').filter(Boolean).length;

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology();
    const logDir = join(topo.dirs.root, 'helper-log');
    for (const dir of [topo.dirs.config, topo.dirs.run, topo.dirs.state, logDir]) {
      mkdirSync(dir, { recursive: true, mode: 0o755 });
      chownSync(dir, NOBODY, NOBODY);
    }
    log = join(logDir, 'starts');
    writeFileSync(log, '');
    chownSync(log, NOBODY, NOBODY);
    wrapper = join(topo.dirs.root, 'helper.sh');
    writeFileSync(wrapper, `#!/bin/sh\nid -u >> ${log}\nexec ${process.execPath} ${helper}\n`, {
      mode: 0o755,
    });
  });

  afterAll(async () => {
    await topo?.cleanup();
  });

  it('goes through the helper, as net-define does', async () => {
    expect(await asNobody(['net-define', fixture])).toMatchObject({ code: 0, stderr: '' });
    expect(helperStarts()).toBe(1);
    const update = await asNobody(ADD_PORTGROUP);
    expect(update).toMatchObject({ code: 0, stdout: 'Updated network vpmv persistent config\n', stderr: '' });
    expect(helperStarts()).toBe(2);
    expect(readFileSync(log, 'utf8')).toBe(`${NOBODY}\n${NOBODY}\n`);
    expect(readFileSync(join(topo.dirs.config, 'vpmv.xml'), 'utf8')).toContain("<portgroup name='pg1'>");
  });

  it('reports a refused update in one line from the helper, changing nothing', async () => {
    const saved = readFileSync(join(topo.dirs.config, 'vpmv.xml'), 'utf8');
    const r = await asNobody(ADD_PORTGROUP);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "error: network 'vpmv': <portgroup name='pg1'> (line 1:1) has the name of an existing <portgroup>\n",
    );
    expect(helperStarts()).toBe(3);
    expect(readFileSync(join(topo.dirs.config, 'vpmv.xml'), 'utf8')).toBe(saved);
  });
});
