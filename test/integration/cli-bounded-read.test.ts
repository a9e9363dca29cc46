// `net-validate /dev/zero` once grew the CLI past 1 GB; net-define, net-create and
// standard input share the same read. Each now stops at the 4 MiB limit and says so
// on one line, through the real CLI (in a private namespace with private state, so
// that nothing could touch the host even if the read did not stop).
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './harness/engine-client.js';
import { EMPTY, snapshot } from './harness/inspect.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

describe.skipIf(skipReason !== undefined)('the CLI reads at most 4 MiB of any input', () => {
  let topo: Topology;

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology();
  });
  afterAll(async () => {
    await topo?.cleanup();
  });

  /** The CLI with stdin from /dev/zero; its end is awaited from the moment it is spawned. */
  async function sy(args: string[]): Promise<{ code: number | null; stderr: string }> {
    const zero = openSync('/dev/zero', 'r');
    const child = spawn('ip', ['netns', 'exec', topo.host, process.execPath, CLI, ...args], {
      env: { ...topo.env, SWITCHYARD_NO_DEFAULT: '1' },
      stdio: [zero, 'ignore', 'pipe'],
    });
    // 'close' comes after stderr has ended, so the message is whole.
    const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    closeSync(zero);
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c));
    const code = await exited;
    return { code, stderr };
  }

  it.each([
    ['net-validate', '/dev/zero'],
    ['net-validate', '-'],
    ['net-format', '/dev/zero'],
    ['net-define', '/dev/zero'],
    ['net-create', '-'],
    ['net-plan', '--file', '/dev/zero'],
  ])('%s %s stops reading at the limit and says so', async (...args) => {
    const file = args[args.length - 1];
    const r = await sy(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: cannot read ${file}: it is larger than 4 MiB, the most a network definition may be; stopped reading there\n`,
    );
    expect(await snapshot(topo)).toEqual(EMPTY);
  });
});
