import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../contract/ipc.js';
import type { Counters } from '../../../host/readers/bridge-stats.js';
import type { CounterSource } from '../../../host/stats/index.js';
import { StatsSampler } from '../../../host/stats/index.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { openWindow } from '../../../main/ipc/handlers.js';
import { NetworkService } from '../../../main/services/network-service.js';
import { type Pty, shellEnv, TerminalService } from '../../../main/services/terminal-service.js';
import { makeFixture } from './service-fixture.js';

const counters = (bytes: number): Counters => ({
  rx_bytes: bytes,
  tx_bytes: bytes * 2,
  rx_packets: 0,
  tx_packets: 0,
  rx_errors: 0,
  tx_errors: 0,
  rx_dropped: 0,
  tx_dropped: 0,
});

function fakeSource() {
  let bytes = 0;
  const source: CounterSource = {
    readAll: () =>
      new Map([
        ['br0', counters(bytes)],
        ['vnet0', counters(bytes / 2)],
      ]),
    ports: (b) => (b === 'br0' ? ['vnet0'] : []),
  };
  return { source, add: (n: number) => (bytes += n) };
}

function fakePty() {
  const written: string[] = [];
  let dataFn: (d: string) => void = () => {};
  let exitFn: (e: { exitCode: number }) => void = () => {};
  const pty: Pty = {
    onData: (fn) => (dataFn = fn),
    onExit: (fn) => (exitFn = fn),
    write: (d) => written.push(d),
    resize: () => {},
    kill: () => exitFn({ exitCode: 0 }),
  };
  return { pty, written, emit: (d: string) => dataFn(d) };
}

function setup(terminalEnabled: boolean) {
  const fx = makeFixture();
  const src = fakeSource();
  let mono = 0;
  const sampler = new StatsSampler({
    source: src.source,
    now: () => mono,
    clock: () => 1_000 + mono,
    intervalMs: 1000,
  });
  const spawned: { file: string; cwd: string; path: string }[] = [];
  const pty = fakePty();
  const terminal = new TerminalService({
    enabled: terminalEnabled,
    disabledHint: 'start serve.js with --terminal',
    binDir: '/repo/bin',
    env: { PATH: '/usr/bin:/repo/bin', HOME: '/home/u', SHELL: '/bin/sh' },
    spawn: (file, _args, opts) => {
      spawned.push({ file, cwd: opts.cwd, path: opts.env.PATH ?? '' });
      return pty.pty;
    },
  });
  const network = new NetworkService({
    paths: fx.paths,
    control: fx.control,
    readLinks: async () => ({ links: [], routes: [] }),
    readInterfaces: async () => [],
  });
  const events: [EventName, unknown][] = [];
  const win = openWindow({ network, sampler, terminal }, (e, p) => events.push([e, p]));
  const tick = (ms: number, bytes: number) => {
    mono += ms;
    src.add(bytes);
    sampler.tick();
  };
  return { fx, sampler, win, events, tick, spawned, pty, network };
}

describe('statistics over the contract', () => {
  it('samples only the bridges a window watches, streams rates, and stops when the window goes', async () => {
    const s = setup(false);
    expect(await dispatch(s.win.handlers, 'stats.watch', { bridges: ['br0'] })).toEqual({
      ok: true,
      value: {},
    });
    expect(s.sampler.running).toBe(true);
    s.tick(1000, 1000);
    const samples = s.events.filter(([e]) => e === 'stats.sample').map(([, p]) => p);
    expect(samples).toEqual([
      {
        bridge: 'br0',
        at: 2000,
        total: expect.objectContaining({ rx_bytes: 1000, tx_bytes: 2000 }),
        ports: [expect.objectContaining({ link: 'vnet0', rxBytes: 500, txBytes: 1000 })],
      },
    ]);
    const history = await dispatch(s.win.handlers, 'stats.history', { bridge: 'br0', seconds: 60 });
    expect(history).toMatchObject({ ok: true, value: { bridge: 'br0', at: [2000] } });
    expect(await dispatch(s.win.handlers, 'stats.history', { bridge: 'br0', seconds: 61 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await dispatch(s.win.handlers, 'stats.watch', { bridges: ['../etc'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    s.win.close();
    expect(s.sampler.running).toBe(false);
    s.network.close();
    s.fx.cleanup();
  });

  it('an emptied watch set stops the sampler', async () => {
    const s = setup(false);
    await dispatch(s.win.handlers, 'stats.watch', { bridges: ['br0'] });
    await dispatch(s.win.handlers, 'stats.watch', { bridges: [] });
    expect(s.sampler.running).toBe(false);
    s.win.close();
    s.fx.cleanup();
  });
});

describe('Reserve over the contract', () => {
  it('goes to the NetworkControl with a checked MAC and IP', async () => {
    const s = setup(false);
    const ok = await dispatch(s.win.handlers, 'networks.reserve', {
      name: 'lab',
      mac: '52:54:00:00:00:01',
      ip: '10.0.0.5',
      hostname: 'vm1',
    });
    expect(ok).toEqual({ ok: true, value: { name: 'lab', live: true, config: true } });
    const bad = await dispatch(s.win.handlers, 'networks.reserve', {
      name: 'lab',
      mac: 'nope',
      ip: '10.0.0.5',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(s.fx.calls).toEqual(['reserve lab 52:54:00:00:00:01 10.0.0.5 vm1']);
    s.win.close();
    s.fx.cleanup();
  });
});

describe('terminal over the contract', () => {
  it('is refused with the how-to when disabled', async () => {
    const s = setup(false);
    expect(await dispatch(s.win.handlers, 'app.features', {})).toEqual({
      ok: true,
      value: { terminal: false, terminalHint: 'start serve.js with --terminal' },
    });
    expect(await dispatch(s.win.handlers, 'terminal.open', { cols: 80, rows: 24 })).toMatchObject({
      ok: false,
      error: { code: 'access-denied' },
    });
    expect(s.spawned).toEqual([]);
    s.win.close();
    s.fx.cleanup();
  });

  it('runs the shell in home with bin/ first on PATH, streams data, and ends with the window', async () => {
    const s = setup(true);
    const opened = await dispatch(s.win.handlers, 'terminal.open', { cols: 80, rows: 24 });
    expect(opened).toEqual({ ok: true, value: { id: 1 } });
    expect(s.spawned).toEqual([{ file: '/bin/sh', cwd: '/home/u', path: '/repo/bin:/usr/bin' }]);
    await dispatch(s.win.handlers, 'terminal.input', { id: 1, data: 'switchyard net-list\r' });
    expect(s.pty.written).toEqual(['switchyard net-list\r']);
    s.pty.emit('Name  State');
    expect(s.events).toContainEqual(['terminal.data', { id: 1, data: 'Name  State' }]);
    expect(await dispatch(s.win.handlers, 'terminal.input', { id: 7, data: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    s.win.close();
    expect(s.events).toContainEqual(['terminal.exit', { id: 1, code: 0 }]);
    s.fx.cleanup();
  });

  it('builds the shell environment with string values only', () => {
    expect(shellEnv({ PATH: '/bin', X: undefined }, '/b')).toEqual({
      PATH: '/b:/bin',
      TERM: 'xterm-256color',
    });
  });
});
