import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { HelperBackend } from '../../../helper/handle-request.js';
import { serve } from '../../../helper/serve.js';
import { HostError } from '../../../host/host-error.js';
import { pollUntil } from '../../support/poll-until.js';

const XML = `<network><name>lab</name><uuid>7d3bd0c6-2f5a-4a0e-9c3b-0b5e3f1e7a11</uuid>
<ip address="10.9.0.1" netmask="255.255.255.0"/></network>`;

/** A backend that records calls; `gate` holds a start until released. */
function fakeBackend() {
  const calls: string[] = [];
  let release: () => void = () => {};
  const gate = { held: false };
  const backend: HelperBackend = {
    resolve: (net) => {
      if (net === 'ghost') throw new HostError('not-found', `network '${net}' not found`);
      return net === '7d3bd0c6-2f5a-4a0e-9c3b-0b5e3f1e7a11' ? 'lab' : net;
    },
    define: async (xml) => {
      calls.push(`define ${xml.length}`);
      return { name: 'lab', uuid: '7d3bd0c6-2f5a-4a0e-9c3b-0b5e3f1e7a11' };
    },
    create: async () => ({ name: 'lab', uuid: '7d3bd0c6-2f5a-4a0e-9c3b-0b5e3f1e7a11' }),
    start: async (name) => {
      calls.push(`start ${name}`);
      if (gate.held) await new Promise<void>((r) => (release = r));
      calls.push(`started ${name}`);
    },
    destroy: async (name) => {
      calls.push(`destroy ${name}`);
      throw new HostError('conflict', `network '${name}' is not active`);
    },
    undefine: async (name) => {
      calls.push(`undefine ${name}`);
      throw new Error('disk\nexploded');
    },
    setUnprivilegedAttach: async (name, on) => void calls.push(`userAttach ${name} ${on}`),
    setAutostart: async (name, on) => {
      calls.push(`autostart ${name} ${on}`);
    },
    doctor: async (name) => {
      calls.push(`doctor ${name ?? ''}`);
      return { ok: true, complete: true, checked: [], findings: [] };
    },
    repair: async (actions) => {
      calls.push(`repair ${actions.join(',')}`);
      return { ok: true, complete: true, checked: [], findings: [] };
    },
    defineAndStart: async (xml, opts) => {
      calls.push(`defineAndStart ${xml.length} ${opts.autostart} ${opts.start}`);
      return { name: 'lab', uuid: '7d3bd0c6-2f5a-4a0e-9c3b-0b5e3f1e7a11' };
    },
    restart: async (name) => void calls.push(`restart ${name}`),
    remove: async (name) => void calls.push(`remove ${name}`),
    applyFix: async (name, fix) => {
      calls.push(`applyFix ${name} ${fix.kind}`);
      return { started: true };
    },
    reserve: async (name, lease) => {
      calls.push(`reserve ${name} ${lease.mac} ${lease.ip}`);
      return { name, live: true, config: true, signalledPid: 42 };
    },
    update: async (name, req, flags) => {
      calls.push(`update ${name} ${req.command} ${req.section} ${req.parentIndex ?? '-'} ${!!flags.live}`);
      return { name, live: !!flags.live, config: !!flags.config };
    },
  };
  return { backend, calls, gate, release: () => release() };
}

function harness(backend: HelperBackend) {
  const input = new PassThrough();
  const output = new PassThrough();
  const lines: unknown[] = [];
  let buffered = '';
  output.on('data', (c: Buffer) => {
    buffered += c.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const p of parts) lines.push(JSON.parse(p));
  });
  const logs: string[] = [];
  const serving = serve({
    input,
    output,
    backend,
    prepare: async () => {},
    log: (m) => logs.push(m),
    identity: { pid: 42, uid: 0 },
  });
  const send = (v: unknown) => input.write(`${typeof v === 'string' ? v : JSON.stringify(v)}\n`);
  const until = async (n: number) => {
    await pollUntil(`${n} lines from the helper`, () => lines.length >= n);
    return lines;
  };
  /** Every line sent has left the input stream, i.e. is in the helper's queue or served. */
  const allRead = () =>
    pollUntil('the helper to read all input', () => input.writableLength === 0 && input.readableLength === 0);
  return { input, lines, logs, serving, send, until, allRead };
}

const hello = { id: 1, method: 'hello', params: { protocol: 2 } };

describe('helper loop', () => {
  it('says ready, shakes hands, then serves', async () => {
    const f = fakeBackend();
    const h = harness(f.backend);
    h.send(hello);
    h.send({ id: 2, method: 'start', params: { net: '7d3bd0c6-2f5a-4a0e-9c3b-0b5e3f1e7a11' } });
    const lines = await h.until(4);
    expect(lines).toEqual([
      { event: 'ready', data: { protocol: 2, pid: 42 } },
      { id: 1, ok: true, result: { protocol: 2, pid: 42, uid: 0 } },
      { id: 2, ok: true, result: { name: 'lab' } },
      { event: 'changed', data: { name: 'lab' } },
    ]);
    expect(f.calls).toEqual(['start lab', 'started lab']);
  });

  it('refuses everything before hello, and a wrong protocol', async () => {
    const f = fakeBackend();
    const h = harness(f.backend);
    h.send({ id: 1, method: 'start', params: { net: 'lab' } });
    h.send({ id: 2, method: 'hello', params: { protocol: 99 } });
    const lines = await h.until(3);
    expect(lines[1]).toMatchObject({ id: 1, ok: false, error: { code: 'invalid-input' } });
    expect(lines[2]).toMatchObject({ id: 2, ok: false, error: { code: 'helper-unavailable' } });
    expect(f.calls).toEqual([]);
  });

  it('answers host errors with their code, anything else as internal on one line', async () => {
    const f = fakeBackend();
    const h = harness(f.backend);
    h.send(hello);
    h.send({ id: 2, method: 'destroy', params: { net: 'lab' } });
    h.send({ id: 3, method: 'undefine', params: { net: 'lab' } });
    h.send({ id: 4, method: 'start', params: { net: 'ghost' } });
    const lines = await h.until(5);
    expect(lines.slice(2)).toEqual([
      { id: 2, ok: false, error: { code: 'conflict', message: "network 'lab' is not active" } },
      { id: 3, ok: false, error: { code: 'internal', message: 'disk exploded' } },
      { id: 4, ok: false, error: { code: 'not-found', message: "network 'ghost' not found" } },
    ]);
  });

  it('re-reads XML with core before the backend sees it', async () => {
    const f = fakeBackend();
    const h = harness(f.backend);
    h.send(hello);
    h.send({ id: 2, method: 'define', params: { xml: '<network><name>a/b</name></network>' } });
    h.send({ id: 3, method: 'define', params: { xml: '<network><name>x' } });
    h.send({ id: 4, method: 'define', params: { xml: XML } });
    const lines = await h.until(6);
    expect(lines[2]).toMatchObject({ id: 2, ok: false, error: { code: 'validation' } });
    expect(lines[3]).toMatchObject({ id: 3, ok: false, error: { code: 'xml-parse' } });
    expect(lines[4]).toEqual({
      id: 4,
      ok: true,
      result: { name: 'lab', uuid: '7d3bd0c6-2f5a-4a0e-9c3b-0b5e3f1e7a11' },
    });
    expect(f.calls).toEqual([`define ${XML.length}`]);
  });

  it('reserves a lease and runs net-update, re-validating MAC, IP, section and sizes', async () => {
    const f = fakeBackend();
    const h = harness(f.backend);
    h.send(hello);
    const lease = { mac: '52:54:00:aa:bb:cc', ip: '192.168.122.50' };
    h.send({ id: 2, method: 'reserve', params: { net: 'lab', lease } });
    h.send({ id: 3, method: 'reserve', params: { net: 'lab', lease: { ...lease, mac: "x' y" } } });
    h.send({ id: 4, method: 'reserve', params: { net: 'lab', lease: { ...lease, ip: '1.2.3' } } });
    const update = { net: 'lab', command: 'add', section: 'ip-dhcp-host', xml: '<host/>', live: true };
    h.send({ id: 5, method: 'update', params: update });
    h.send({ id: 6, method: 'update', params: { ...update, section: 'firewall' } });
    h.send({ id: 7, method: 'update', params: { ...update, xml: 'x'.repeat(70_000) } });
    h.send({ id: 8, method: 'update', params: { ...update, parentIndex: -1 } });
    const lines = await h.until(12);
    const byId = (id: number) => lines.find((l) => (l as { id?: number }).id === id);
    expect(byId(2)).toEqual({
      id: 2,
      ok: true,
      result: { name: 'lab', live: true, config: true, signalledPid: 42 },
    });
    for (const id of [3, 4, 6, 7])
      expect(byId(id)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(byId(5)).toMatchObject({ ok: true, result: { name: 'lab', live: true, config: false } });
    expect(f.calls).toEqual([
      'reserve lab 52:54:00:aa:bb:cc 192.168.122.50',
      'update lab add ip-dhcp-host - true',
      'update lab add ip-dhcp-host - true',
    ]);
  });

  it('runs the workflows as one call each, resolving the network and re-reading the XML', async () => {
    const f = fakeBackend();
    const h = harness(f.backend);
    h.send(hello);
    h.send({ id: 2, method: 'defineAndStart', params: { xml: XML, autostart: true, start: true } });
    h.send({ id: 3, method: 'restart', params: { net: '7d3bd0c6-2f5a-4a0e-9c3b-0b5e3f1e7a11' } });
    h.send({ id: 4, method: 'remove', params: { net: 'lab' } });
    h.send({
      id: 5,
      method: 'applyFix',
      params: { net: 'lab', fix: { kind: 'free-subnet', subnet: '10.1.0.0/24' } },
    });
    h.send({ id: 6, method: 'applyFix', params: { net: 'lab', fix: { kind: 'rename-host' } } });
    h.send({
      id: 7,
      method: 'defineAndStart',
      params: { xml: '<network><name>x', autostart: false, start: true },
    });
    const lines = await h.until(12);
    const byId = (id: number) => lines.find((l) => (l as { id?: number }).id === id);
    expect(byId(2)).toMatchObject({ ok: true, result: { name: 'lab' } });
    expect(byId(3)).toEqual({ id: 3, ok: true, result: { name: 'lab' } });
    expect(byId(5)).toEqual({ id: 5, ok: true, result: { name: 'lab', started: true } });
    expect(byId(6)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(byId(7)).toMatchObject({ ok: false, error: { code: 'xml-parse' } });
    expect(f.calls).toEqual([
      `defineAndStart ${XML.length} true true`,
      'restart lab',
      'remove lab',
      'applyFix lab free-subnet',
    ]);
  });

  it('carries what a live update had to restart', async () => {
    const f = fakeBackend();
    f.backend.update = async (name) => ({
      name,
      live: true,
      config: false,
      restartedDnsmasq: { previousPid: 100, pid: 101, ms: 35 },
      reloadedFirewall: true,
    });
    const h = harness(f.backend);
    h.send(hello);
    const xml = "<range start='10.9.0.20' end='10.9.0.30'/>";
    h.send({
      id: 2,
      method: 'update',
      params: { net: 'lab', command: 'add', section: 'ip-dhcp-range', xml },
    });
    const lines = await h.until(3);
    expect(lines[2]).toEqual({
      id: 2,
      ok: true,
      result: {
        name: 'lab',
        live: true,
        config: false,
        restartedDnsmasq: { previousPid: 100, pid: 101, ms: 35 },
        reloadedFirewall: true,
      },
    });
  });

  it('on stop, finishes the request in flight and refuses what is queued', async () => {
    const f = fakeBackend();
    f.gate.held = true;
    const h = harness(f.backend);
    h.send(hello);
    h.send({ id: 2, method: 'start', params: { net: 'lab' } });
    h.send({ id: 3, method: 'autostart', params: { net: 'lab', on: true } });
    await pollUntil('the start to be in flight', () => f.calls.includes('start lab'));
    await h.allRead();
    h.serving.stop('helper received SIGTERM');
    f.release();
    await h.serving.done;
    expect(f.calls).toEqual(['start lab', 'started lab']);
    expect(h.lines.slice(2)).toEqual([
      { id: 2, ok: true, result: { name: 'lab' } },
      { event: 'changed', data: { name: 'lab' } },
      { id: 3, ok: false, error: { code: 'helper-unavailable', message: 'helper received SIGTERM' } },
    ]);
  });

  it('takes a flood of 20,000 requests by pausing its input, and answers every one in order', async () => {
    const f = fakeBackend();
    f.gate.held = true;
    const h = harness(f.backend);
    h.send(hello);
    const flood = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ id: i + 2, method: 'start', params: { net: `n${i}` } }),
    );
    h.input.write(`${flood.join('\n')}\n`);
    // The first start is held: the helper stops reading its input rather than read on.
    for (let i = 0; i < 200 && f.calls.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(f.calls).toEqual(['start n0']);
    expect(h.input.isPaused()).toBe(true);
    f.gate.held = false;
    f.release();
    for (let i = 0; i < 2000 && f.calls.length < 40_000; i++) await new Promise((r) => setTimeout(r, 5));
    h.input.end();
    await h.serving.done;
    const answered = (h.lines as { id?: number; ok?: boolean }[]).filter((l) => typeof l.id === 'number');
    expect(answered.map((l) => l.id)).toEqual([1, ...flood.map((_, i) => i + 2)]);
    expect(answered.every((l) => l.ok)).toBe(true);
  });

  it('when stdin closes, answers what was sent and is done', async () => {
    const f = fakeBackend();
    const h = harness(f.backend);
    h.send(hello);
    h.input.end('{"id":2,"method":"autostart","params":{"net":"lab","on":false}}');
    await h.serving.done;
    expect(h.lines[2]).toEqual({ id: 2, ok: true, result: { name: 'lab' } });
    expect(f.calls).toEqual(['autostart lab false']);
  });

  it('answers an oversized line and keeps serving', async () => {
    const f = fakeBackend();
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (c: Buffer) => (out += c.toString()));
    const serving = serve({
      input,
      output,
      backend: f.backend,
      prepare: async () => {},
      log: () => {},
      identity: { pid: 1, uid: 0 },
      maxLineBytes: 64,
    });
    input.write(`{"id":1,"method":"hello","params":{"protocol":1},"pad":"${'x'.repeat(100)}"}\n`);
    input.end(`${JSON.stringify(hello)}\n`);
    await serving.done;
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[1]).toMatchObject({ id: null, ok: false, error: { code: 'invalid-input' } });
    expect(lines[2]).toMatchObject({ id: 1, ok: true });
  });
});
