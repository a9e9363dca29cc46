// The real privilege boundary: a private system bus and polkitd, the project's polkit
// action (exec.path pointed at a test wrapper that runs the helper inside the test's
// namespace), a JS rule granting it to one test user. As that user the CLI reads
// without asking and changes through pkexec -> helper -> a real net-start; a second
// user without the rule is refused with nothing changed. Everything made here (users,
// rule, policy, wrapper, daemons by PID) is removed afterwards, also on failure.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildExit, exitOf } from '../support/child-exit.js';
import { pollUntil } from '../support/poll-until.js';
import { hasExited } from '../support/process-state.js';
import { ensureBuilt } from './harness/engine-client.js';
import { snapshot } from './harness/inspect.js';
import { netXml } from './harness/network-xml.js';
import { skipReason as nsSkipReason } from './harness/preconditions.js';
import { type RunResult, run } from './harness/run.js';
import { createTopology, type Topology } from './harness/topology.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(repo, 'dist/cli/main.js');
const BENCH = join(repo, 'dist/bench/helper-roundtrip.js');
const POLKITD = '/usr/lib/polkit-1/polkitd';
const BUS_SOCKET = '/run/dbus/system_bus_socket';
const id = randomBytes(3).toString('hex');
const ACTION = `org.switchyard.test${id}.manage`;
const POLICY = `/usr/share/polkit-1/actions/org.switchyard.test${id}.policy`;
const RULE = `/etc/polkit-1/rules.d/49-switchyard-test-${id}.rules`;
const WRAPPER_DIR = `/usr/libexec/switchyard-test-${id}`;
const WRAPPER = `${WRAPPER_DIR}/switchyard-helper`;
const ALLOWED = `sy-ok-${id}`;
const DENIED = `sy-no-${id}`;

function reason(): string | undefined {
  if (nsSkipReason) return nsSkipReason;
  for (const bin of ['/usr/bin/pkexec', POLKITD, '/usr/bin/dbus-daemon'])
    if (!existsSync(bin)) return `${bin} is missing (install the Debian packages polkitd pkexec dbus)`;
  if (existsSync(BUS_SOCKET)) return `a system bus already runs (${BUS_SOCKET}); this test starts its own`;
  return undefined;
}
const skipReason = reason();
if (skipReason) console.warn(`skipping polkit/pkexec test: ${skipReason}`);

const ipPath = (): string => (existsSync('/usr/sbin/ip') ? '/usr/sbin/ip' : '/sbin/ip');
/** SIGTERM, then SIGKILL if it has not exited within a few seconds; resolves once it has. */
async function terminate(pid: number, exited: () => boolean): Promise<void> {
  process.kill(pid, 'SIGTERM');
  const gone = await pollUntil(`${pid} to exit`, exited, { timeoutMs: 5_000 }).catch(() => false);
  if (!gone) process.kill(pid, 'SIGKILL');
  await pollUntil(`${pid} to die of SIGKILL`, exited);
}

describe.skipIf(skipReason !== undefined)('CLI as a user -> pkexec -> helper', () => {
  let topo: Topology;
  const users: string[] = [];
  let dbusPid: number | undefined;
  let polkitd: ChildProcess | undefined;
  let polkitdExit: Promise<ChildExit> | undefined;
  let polkitLog = '';
  let madeBus = false;

  const uidOf = (user: string) => Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
  const gidOf = (user: string) => Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
  const userEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin',
    HOME: '/',
    LANG: 'C.UTF-8',
    SWITCHYARD_CONFIG_DIR: topo.dirs.config,
    SWITCHYARD_RUN_DIR: topo.dirs.run,
    SWITCHYARD_STATE_DIR: topo.dirs.state,
    SWITCHYARD_HELPER_PATH: WRAPPER,
    ...extra,
  });
  /**
   * Runs node SCRIPT ARGS as USER (no shell, no tty). A user cannot enter a network
   * namespace, and need not: the CLI only reads files and starts pkexec; the test
   * wrapper runs the helper inside the namespace.
   */
  const asUser = (
    user: string,
    script: string,
    args: string[],
    env: NodeJS.ProcessEnv = {},
    ns?: string,
  ): Promise<RunResult> =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const node = [process.execPath, script, ...args];
      // Root enters the namespace, then drops to the user (who could not enter it).
      const ids = [`--reuid=${uidOf(user)}`, `--regid=${gidOf(user)}`, '--clear-groups'];
      const child = ns
        ? spawn('ip', ['netns', 'exec', ns, 'setpriv', ...ids, ...node], {
            env: userEnv(env),
            stdio: ['ignore', 'pipe', 'pipe'],
          })
        : spawn(node[0] as string, node.slice(1), {
            uid: uidOf(user),
            gid: gidOf(user),
            env: userEnv(env),
            stdio: ['ignore', 'pipe', 'pipe'],
          });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c));
      child.stderr.on('data', (c: Buffer) => (stderr += c));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code: code ?? 1, stdout, stderr, ms: performance.now() - t0 });
      });
    });
  const cli = (user: string, ...args: string[]) => asUser(user, CLI, args);
  const asUserIn = (ns: string, user: string, args: string[], env: NodeJS.ProcessEnv) =>
    asUser(user, CLI, args, env, ns);

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology({ guests: 1 });
    for (const user of [ALLOWED, DENIED]) {
      execFileSync('useradd', ['-M', '-s', '/usr/sbin/nologin', user]);
      users.push(user);
    }
    mkdirSync(WRAPPER_DIR, { mode: 0o755 });
    const helperEnv = `SWITCHYARD_CONFIG_DIR=${topo.dirs.config} SWITCHYARD_RUN_DIR=${topo.dirs.run} SWITCHYARD_STATE_DIR=${topo.dirs.state}`;
    writeFileSync(
      WRAPPER,
      `#!/bin/sh\n# Test stand-in for /usr/libexec/switchyard/switchyard-helper: the same helper, in the test's namespace.\nexec ${ipPath()} netns exec ${topo.host} /usr/bin/env ${helperEnv} ${process.execPath} ${join(repo, 'dist/helper/main.js')}\n`,
      { mode: 0o755 },
    );
    const policy = readFileSync(join(repo, 'build/linux/org.switchyard.switchyard.policy'), 'utf8')
      .replace('id="org.switchyard.switchyard.manage"', `id="${ACTION}"`)
      .replace('/usr/libexec/switchyard/switchyard-helper', WRAPPER);
    expect(policy).toContain(ACTION);
    expect(policy).toContain(WRAPPER);
    writeFileSync(POLICY, policy, { mode: 0o644 });
    writeFileSync(
      RULE,
      `polkit.addRule(function(action, subject) {\n  if (action.id == "${ACTION}" && subject.user == "${ALLOWED}") return polkit.Result.YES;\n});\n`,
      { mode: 0o644 },
    );
    mkdirSync('/run/dbus', { recursive: true });
    dbusPid = Number(
      execFileSync('dbus-daemon', ['--system', '--fork', '--print-pid'], { encoding: 'utf8' }).trim(),
    );
    madeBus = true;
    polkitd = spawn(POLKITD, ['--no-debug'], { stdio: ['ignore', 'pipe', 'pipe'] });
    polkitdExit = exitOf(polkitd);
    polkitd.stdout?.on('data', (c: Buffer) => (polkitLog += c));
    polkitd.stderr?.on('data', (c: Buffer) => (polkitLog += c));
    const daemon = polkitd;
    await pollUntil(
      `polkitd to know ${ACTION}`,
      async () => {
        if (daemon.exitCode !== null) throw new Error(`polkitd exited ${daemon.exitCode}: ${polkitLog}`);
        return (await run('pkaction', ['--action-id', ACTION])).code === 0;
      },
      { timeoutMs: 30_000, everyMs: 50 },
    );
  });

  afterAll(async () => {
    const errors: string[] = [];
    const attempt = (what: string, fn: () => void) => {
      try {
        fn();
      } catch (err) {
        errors.push(`${what}: ${(err as Error).message}`);
      }
    };
    const stop = async (what: string, pid: number, exited: () => boolean) =>
      terminate(pid, exited).catch((err: Error) => errors.push(`stop ${what}: ${err.message}`));
    const daemon = polkitd;
    if (daemon?.pid && daemon.exitCode === null)
      await stop('polkitd', daemon.pid, () => daemon.exitCode !== null || daemon.signalCode !== null);
    await polkitdExit;
    // dbus-daemon --fork is not our child: its exit shows in /proc only.
    const bus = dbusPid;
    if (bus) await stop('dbus-daemon', bus, () => hasExited(bus));
    if (madeBus)
      for (const f of [BUS_SOCKET, '/run/dbus/pid']) attempt(`rm ${f}`, () => rmSync(f, { force: true }));
    for (const user of users) attempt(`userdel ${user}`, () => execFileSync('userdel', [user]));
    for (const f of [RULE, POLICY]) attempt(`rm ${f}`, () => rmSync(f, { force: true }));
    attempt(`rm ${WRAPPER_DIR}`, () => rmSync(WRAPPER_DIR, { recursive: true, force: true }));
    await topo?.cleanup();
    if (errors.length) console.warn(`polkit test cleanup: ${errors.join('; ')}`);
  });

  it('polkitd knows the action and the wrapper it names', async () => {
    const r = await run('pkaction', ['--action-id', ACTION, '--verbose']);
    expect(r.code, polkitLog).toBe(0);
    expect(r.stdout).toContain(`org.freedesktop.policykit.exec.path -> ${WRAPPER}`);
    expect(r.stdout).toContain('implicit active:   auth_admin_keep');
  });

  it('the granted user defines and starts a network through pkexec; it works', async () => {
    const file = join(topo.dirs.root, 'pk.xml');
    writeFileSync(file, netXml({ name: 'pk', bridge: 'sypk0', net: '192.168.181', mode: 'nat' }), {
      mode: 0o644,
    });
    const defined = await cli(ALLOWED, 'net-define', file);
    expect(defined.stderr).toBe('');
    expect(defined).toMatchObject({ code: 0, stdout: `Network pk defined from ${file}\n\n` });
    const started = await cli(ALLOWED, 'net-start', 'pk');
    expect(started.stderr).toBe('');
    expect(started).toMatchObject({ code: 0, stdout: 'Network pk started\n\n' });
    console.log(
      `pkexec CLI: net-define ${defined.ms.toFixed(0)} ms, net-start ${started.ms.toFixed(0)} ms (each a fresh helper)`,
    );

    // The network is real: a guest gets a lease on the bridge.
    await topo.plugGuest(topo.guests[0]!, 'sypk0');
    const lease = await topo.dhcp(topo.guests[0]!);
    expect(lease?.ip).toMatch(/^192\.168\.181\./);
    // The files the helper wrote as root are readable by the user: reads need no helper.
    // The read runs in the network's namespace, as on a real host: a user's read
    // counts a network active only while its bridge is there to see.
    const list = await asUserIn(topo.host, ALLOWED, ['net-list', '--all'], {
      SWITCHYARD_HELPER_PATH: '/nonexistent',
    });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/pk\s+active\s+no\s+yes/);
  });

  it('a user without the rule is refused with exit 1 and nothing changes', async () => {
    const before = await snapshot(topo);
    const config = readFileSync(join(topo.dirs.config, 'pk.xml'), 'utf8');
    const destroy = await cli(DENIED, 'net-destroy', 'pk');
    expect(destroy.code).toBe(1);
    expect(destroy.stdout).toBe('');
    expect(destroy.stderr).toMatch(/^error: .*not authorized.*\n$/);
    const other = join(topo.dirs.root, 'other.xml');
    writeFileSync(other, netXml({ name: 'other', bridge: 'syot0', net: '192.168.182', mode: 'isolated' }), {
      mode: 0o644,
    });
    const define = await cli(DENIED, 'net-define', other);
    expect(define.code).toBe(1);
    expect(define.stderr).toMatch(/^error: .*not authorized/);
    expect(await snapshot(topo)).toEqual(before);
    expect(readFileSync(join(topo.dirs.config, 'pk.xml'), 'utf8')).toBe(config);
    expect(existsSync(join(topo.dirs.config, 'other.xml'))).toBe(false);
  });

  it('figures: helper start through pkexec, request round trip', async () => {
    const lookups = await asUser(ALLOWED, BENCH, ['', '200']);
    expect(lookups.code, lookups.stderr).toBe(0);
    const changes = await asUser(ALLOWED, BENCH, ['pk', '50']);
    expect(changes.code, changes.stderr).toBe(0);
    console.log(`pkexec helper figures: ${lookups.stdout.trim()} ${changes.stdout.trim()}`);
    const figures = JSON.parse(lookups.stdout) as { startMs: number; medianMs: number };
    expect(figures.startMs).toBeGreaterThan(0);
  });

  it('the granted user stops and removes the network', async () => {
    expect(await cli(ALLOWED, 'net-destroy', 'pk')).toMatchObject({
      code: 0,
      stdout: 'Network pk destroyed\n\n',
    });
    expect(await cli(ALLOWED, 'net-undefine', 'pk')).toMatchObject({
      code: 0,
      stdout: 'Network pk has been undefined\n\n',
    });
    const after = await snapshot(topo);
    expect(after.links.filter((l) => l.startsWith('sypk'))).toEqual([]);
    expect(after.dnsmasq).toEqual([]);
  });
});
