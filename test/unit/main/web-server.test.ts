import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { StatsSampler } from '../../../host/stats/index.js';
import { NetworkService } from '../../../main/services/network-service.js';
import { TerminalService } from '../../../main/services/terminal-service.js';
import { startWebShell, type WebShell } from '../../../main/web/web-server.js';
import { type Fixture, labXml, makeFixture } from './service-fixture.js';

let fx: Fixture;
let shell: WebShell;
let service: NetworkService;
let rendererDir: string;

beforeAll(async () => {
  fx = makeFixture();
  rendererDir = mkdtempSync(join(tmpdir(), 'sy-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  service = new NetworkService({
    paths: fx.paths,
    control: fx.control,
    readLinks: async () => ({ links: [], routes: [] }),
    readInterfaces: async () => [],
  });
  shell = await openShell();
});

function openShell(): Promise<WebShell> {
  return startWebShell({
    rendererDir,
    app: {
      network: service,
      sampler: new StatsSampler(),
      terminal: new TerminalService({
        enabled: false,
        binDir: '/nonexistent',
        spawn: () => {
          throw new Error('not expected');
        },
      }),
    },
    listen: { port: 0 },
  });
}

afterAll(async () => {
  service.close();
  await shell.close();
  fx.cleanup();
  rmSync(rendererDir, { recursive: true, force: true });
});

function get(
  path: string,
  host = `127.0.0.1:${shell.port}`,
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: shell.port, path, headers: { host }, agent: false },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function connect(opts: { token?: string; origin?: string } = {}): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/ws?token=${opts.token ?? shell.token}`, {
    origin: opts.origin ?? `http://127.0.0.1:${shell.port}`,
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextFrame(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))));
}

describe('web shell', () => {
  it('listens on 127.0.0.1 and prints a URL with the token', () => {
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/?token=${shell.token}`);
    expect(shell.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the page only with the token, with a strict CSP', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/?token=wrong')).status).toBe(403);
    const ok = await get(`/?token=${shell.token}`);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-security-policy']).toContain("script-src 'self'");
    expect(ok.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(ok.headers['referrer-policy']).toBe('no-referrer');
  });

  it('refuses a foreign Host (DNS rebinding) even with the token', async () => {
    expect((await get(`/?token=${shell.token}`, `evil.example:${shell.port}`)).status).toBe(421);
    expect((await get('/assets/app.js', 'evil.example')).status).toBe(421);
  });

  it('serves assets but nothing outside the renderer directory', async () => {
    expect((await get('/assets/app.js')).status).toBe(200);
    expect((await get('/../../etc/passwd')).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it('refuses sockets with a bad token or from another origin', async () => {
    await expect(connect({ token: 'bad' })).rejects.toThrow('refused 403');
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow('refused 403');
  });

  it('answers the contract over the socket and pushes changes', async () => {
    const ws = await connect();
    ws.send(JSON.stringify({ id: 1, channel: 'networks.list', input: {} }));
    expect(await nextFrame(ws)).toEqual({ id: 1, reply: { ok: true, value: [] } });
    ws.send(JSON.stringify({ id: 2, channel: 'networks.start', input: { name: 'a/b' } }));
    expect(await nextFrame(ws)).toMatchObject({
      id: 2,
      reply: { ok: false, error: { code: 'invalid-input' } },
    });
    const pushed = nextFrame(ws);
    fx.writeDefinition('cli', labXml('cli'));
    expect(await pushed).toMatchObject({ event: 'networks.changed', payload: [{ name: 'cli' }] });
    ws.close();
  });

  it('closes a socket that sends garbage', async () => {
    const ws = await connect();
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send('not json');
    expect(await closed).toBe(1007);
  });

  it('answers a request target URL cannot read with 400, without a token, and keeps serving', async () => {
    // `curl --path-as-is http://127.0.0.1:PORT//` (an <img> on any site can send it) once killed the process.
    expect(await rawStatus('GET // HTTP/1.1')).toBe(400);
    expect(await rawStatus('GET //ws HTTP/1.1', ['Connection: Upgrade', 'Upgrade: websocket'])).toBe(400);
    expect(await rawStatus('GET * HTTP/1.1')).toBe(400);
    // '//host/path' would read as another origin: refused as well.
    expect((await get(`//evil.example/?token=${shell.token}`)).status).toBe(400);
    expect((await get(`/?token=${shell.token}`)).status).toBe(200);
  });

  it('closes a socket that sends a frame over 8 MiB, and the next socket is served', async () => {
    const ws = await connect();
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.on('error', () => {});
    ws.send('x'.repeat(8 * 1024 * 1024 + 1));
    expect(await closed).toBe(1009);
    const next = await connect();
    next.send(JSON.stringify({ id: 1, channel: 'networks.list', input: {} }));
    expect(await nextFrame(next)).toMatchObject({ id: 1, reply: { ok: true } });
    next.close();
  });
});

describe('closing the web shell', () => {
  it('ends even while a refused upgrade waits for a client that never hangs up', async () => {
    const other = await openShell();
    // allowHalfOpen: this client reads the refusal and its end, and keeps its own side open.
    const sock = connectTcp({ port: other.port, host: '127.0.0.1', allowHalfOpen: true });
    const refusedAndEnded = new Promise<string>((resolve) => {
      let reply = '';
      sock.on('data', (c: Buffer) => {
        reply += c.toString('latin1');
      });
      sock.once('end', () => resolve(reply));
    });
    sock.write(
      `GET /ws?token=bad HTTP/1.1\r\nHost: 127.0.0.1:${other.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`,
    );
    expect(await refusedAndEnded).toMatch(/^HTTP\/1\.1 403/);
    // Before, close() waited on this socket for as long as the client kept it open.
    await other.close();
    sock.destroy();
  });
});

/** The status line's code for a hand-written request (the http client refuses to send such targets). */
function rawStatus(requestLine: string, headers: string[] = []): Promise<number> {
  return new Promise((resolve, reject) => {
    const sock = connectTcp(shell.port, '127.0.0.1');
    let reply = '';
    sock.on('data', (c: Buffer) => {
      reply += c.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(reply);
      if (status) {
        resolve(Number(status[1]));
        sock.destroy();
      }
    });
    sock.on('error', reject);
    sock.on('close', () => reject(new Error(`no status line in ${JSON.stringify(reply)}`)));
    const host = `Host: 127.0.0.1:${shell.port}`;
    sock.write(`${[requestLine, host, ...headers].join('\r\n')}\r\n\r\n`);
  });
}
