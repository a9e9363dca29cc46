// The real web-shell process (node dist/main/web/serve.js, as root in a private
// namespace, listening on a Unix socket) against thousands of malformed HTTP
// requests, upgrade requests and WebSocket frames, with and without the token.
// Nothing a client sends may end the process: afterwards it still serves the page
// and answers the contract. Inputs come from a seeded generator, so a failure names
// a reproducible seed and case.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './harness/engine-client.js';
import { skipReason } from './harness/preconditions.js';
import { prng } from './harness/seeded-random.js';
import { createTopology, type Topology } from './harness/topology.js';

const SERVE = fileURLToPath(new URL('../../dist/main/web/serve.js', import.meta.url));
const PUBLIC_PORT = 8123;
const HOST = `127.0.0.1:${PUBLIC_PORT}`;
const ORIGIN = `http://${HOST}`;
const TOKEN = 'fuzz-token-0123456789abcdefghijklmnop';
const HTTP_CASES = 3000;
const WS_CONNECTIONS = 2000;
/** Per connection: hostile but well-formed requests, then one malformed frame. */
const HOSTILE_REQUESTS = 3;
const SEED = 0x5eed;

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const bytes = (rand: Rand, n: number) =>
  Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));

const TARGETS = [
  '//',
  '//ws',
  '//evil.example/?token=x',
  '*',
  'http://127.0.0.1/',
  '/%',
  '/%zz',
  '/%00',
  '/%E0%A4%A',
  '/?token=%ff%fe',
  `/${'a'.repeat(10_000)}`,
  '/..%2f..%2fetc/passwd',
  '/assets/../../../etc/shadow',
  '/\u00e9',
  '/ws?token=',
  `/ws?token=${TOKEN}x`,
  `/?token=${TOKEN}&token=x`,
  '/index.html%00.js',
  '',
];

/** One malformed request (a whole byte string: request line, headers, maybe a body). */
function httpCase(rand: Rand): Buffer {
  const target = pick(rand, TARGETS);
  const host = pick(rand, [`Host: ${HOST}`, 'Host: evil.example', '', `Host: ${HOST}\r\nHost: x`]);
  switch (Math.floor(rand() * 8)) {
    case 0:
      return bytes(rand, 1 + Math.floor(rand() * 300));
    case 1:
      return Buffer.from(`GET ${target} HTTP/1.1\r\n${host}\r\n\r\n`, 'latin1');
    case 2:
      return Buffer.from(
        `${pick(rand, ['BREW', 'GET', 'POST', 'DELETE', 'G\x00T', ''])} ${target} ${pick(rand, ['HTTP/1.1', 'HTTP/9.9', 'HTTP/1', ''])}\r\n${host}\r\n\r\n`,
        'latin1',
      );
    case 3:
      return Buffer.from(
        `GET / HTTP/1.1\r\n${host}\r\n${pick(rand, [`X: ${'y'.repeat(20_000)}`, 'no colon here', 'Bad\x01Name: 1', 'Content-Length: -1', 'Transfer-Encoding: chunked\r\n\r\nzz'])}\r\n\r\n`,
        'latin1',
      );
    case 4:
      return Buffer.from(upgradeRequest(rand, target), 'latin1');
    case 5: {
      const full = upgradeRequest(rand, `/ws?token=${TOKEN}`);
      return Buffer.from(full.slice(0, Math.floor(rand() * full.length)), 'latin1');
    }
    case 6:
      return Buffer.from(
        `POST /ws?token=${TOKEN} HTTP/1.1\r\n${host}\r\nContent-Length: 5\r\n\r\n${'z'.repeat(Math.floor(rand() * 10))}`,
        'latin1',
      );
    default:
      return Buffer.from(
        `GET ${target} HTTP/1.1\r\n${host}\r\nConnection: keep-alive\r\n\r\nGET // HTTP/1.1\r\n\r\n`,
      );
  }
}

function upgradeRequest(rand: Rand, target: string): string {
  const headers = [
    pick(rand, [`Host: ${HOST}`, 'Host: evil.example']),
    pick(rand, ['Connection: Upgrade', 'Connection: close', '']),
    pick(rand, ['Upgrade: websocket', 'Upgrade: h2c', 'Upgrade: ', '']),
    pick(rand, ['Sec-WebSocket-Version: 13', 'Sec-WebSocket-Version: 8', '']),
    pick(rand, [`Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`, 'Sec-WebSocket-Key: short', '']),
    pick(rand, [`Origin: ${ORIGIN}`, 'Origin: http://evil.example', 'Origin: null', '']),
  ].filter((h) => h !== '');
  return `GET ${pick(rand, [target, `/ws?token=${TOKEN}`, '/ws'])} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`;
}

/** A client frame: masked unless told otherwise, with the length written as the protocol does. */
function frame(
  opcode: number,
  payload: Buffer,
  o: { fin?: boolean; mask?: boolean; rsv?: number; length?: bigint } = {},
): Buffer {
  const length = o.length ?? BigInt(payload.length);
  const head = [((o.fin ?? true) ? 0x80 : 0) | ((o.rsv ?? 0) << 4) | opcode];
  const maskBit = (o.mask ?? true) ? 0x80 : 0;
  let ext = Buffer.alloc(0);
  if (length < 126n) head.push(maskBit | Number(length));
  else if (length < 65536n) {
    head.push(maskBit | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(Number(length));
  } else {
    head.push(maskBit | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(length);
  }
  if (!(o.mask ?? true)) return Buffer.concat([Buffer.from(head), ext, payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ key[i % 4]!));
  return Buffer.concat([Buffer.from(head), ext, key, masked]);
}

const text = (s: string) => Buffer.from(s);
const request = (id: number, channel: string, input: unknown) =>
  frame(1, text(JSON.stringify({ id, channel, input })));

/** A well-formed frame with hostile content: a request of any channel with junk input, or a ping. */
function hostileFrame(rand: Rand, id: number): Buffer {
  if (rand() < 0.2) return frame(pick(rand, [9, 10]), bytes(rand, Math.floor(rand() * 20)));
  return request(
    id,
    pick(rand, [
      'networks.create',
      'networks.define',
      'networks.start',
      'terminal.open',
      'stats.watch',
      'toString',
    ]),
    {
      xml: pick(rand, ['<network/>', '<network><name>../x</name></network>', 'x'.repeat(5000)]),
      name: pick(rand, ['a/b', '..', 'x'.repeat(300)]),
      bridges: [pick(rand, ['br0', '../../sys', 'x'.repeat(20)])],
      cols: -1,
    },
  );
}

/** One frame the protocol or the contract does not allow. */
function malformedFrame(rand: Rand): Buffer {
  switch (Math.floor(rand() * 12)) {
    case 0:
      return bytes(rand, 1 + Math.floor(rand() * 64));
    case 1:
      return frame(1, text('{"id":1}'), { mask: false });
    case 2:
      return frame(1, text('{}'), { rsv: 1 + Math.floor(rand() * 7) });
    case 3:
      return frame(pick(rand, [3, 4, 5, 6, 7, 0xb, 0xc, 0xd, 0xe, 0xf]), text('x'));
    case 4:
      return frame(0, text('continuation without a start'));
    case 5:
      return frame(1, Buffer.from([0xc3, 0x28, 0xff, 0xfe]));
    case 6:
      // Over the 8 MiB limit: declared, then only a little payload follows.
      return frame(1, bytes(rand, 16), { length: 8n * 1024n * 1024n + 1n }).subarray(0, 30);
    case 7:
      return frame(9, bytes(rand, 126 + Math.floor(rand() * 10)));
    case 8:
      return frame(9, text('fragmented ping'), { fin: false });
    case 9:
      return frame(8, Buffer.from(pick(rand, [[0x03, 0xe7], [0x03, 0xed], [0x01], [0x0b, 0xb8, 0xff]])));
    case 10:
      return frame(1, bytes(rand, 10), { length: 0xffffffffffffffffn }).subarray(0, 20);
    case 11:
      return frame(
        1,
        text(pick(rand, ['not json', '[]', 'null', '{"id":-1}', '{"id":1,"channel":7}', '1e999'])),
      );
    default:
      return frame(2, bytes(rand, 8));
  }
}

/** Opens the Unix socket, writes DATA, half-closes, and resolves with everything read once the server closes. */
function exchange(socketPath: string, data: Buffer[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const sock: Socket = connect(socketPath);
    const chunks: Buffer[] = [];
    sock.on('data', (c: Buffer) => chunks.push(c));
    sock.on('error', (err: NodeJS.ErrnoException) => {
      // The server may reset a connection it refuses while we still write: that is an answer too.
      if (err.code === 'ECONNRESET' || err.code === 'EPIPE') return;
      reject(err);
    });
    sock.on('close', () => resolve(Buffer.concat(chunks)));
    sock.on('connect', () => {
      for (const d of data) sock.write(d);
      sock.end();
    });
  });
}

/** The upgrade first; once the server has answered it, FRAMES, then a half-close. Resolves with all it read. */
function wsExchange(socketPath: string, upgrade: Buffer, frames: Buffer[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const sock: Socket = connect(socketPath);
    const chunks: Buffer[] = [];
    let upgraded = false;
    sock.on('data', (c: Buffer) => {
      chunks.push(c);
      if (upgraded || !Buffer.concat(chunks).includes('\r\n\r\n')) return;
      upgraded = true;
      for (const f of frames) sock.write(f);
      sock.end();
    });
    sock.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNRESET' || err.code === 'EPIPE') return;
      reject(err);
    });
    sock.on('close', () => resolve(Buffer.concat(chunks)));
    sock.on('connect', () => sock.write(upgrade));
  });
}

function statusOf(reply: Buffer): number | undefined {
  const m = /^HTTP\/1\.1 (\d{3})/.exec(reply.subarray(0, 16).toString('latin1'));
  return m ? Number(m[1]) : undefined;
}

function handshake(): { request: Buffer; accept: string } {
  const key = randomBytes(16).toString('base64');
  const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
  const request = Buffer.from(
    [
      `GET /ws?token=${TOKEN} HTTP/1.1`,
      `Host: ${HOST}`,
      'Connection: Upgrade',
      'Upgrade: websocket',
      'Sec-WebSocket-Version: 13',
      `Sec-WebSocket-Key: ${key}`,
      `Origin: ${ORIGIN}`,
      '',
      '',
    ].join('\r\n'),
  );
  return { request, accept };
}

/** The server's frames in READ after the 101 response (unmasked, as servers send them). */
function serverFrames(read: Buffer): { opcode: number; payload: Buffer }[] {
  const start = read.indexOf('\r\n\r\n');
  const frames: { opcode: number; payload: Buffer }[] = [];
  let at = start + 4;
  while (at + 2 <= read.length) {
    const opcode = read[at]! & 0x0f;
    let length = read[at + 1]! & 0x7f;
    let header = 2;
    if (length === 126) [length, header] = [read.readUInt16BE(at + 2), 4];
    else if (length === 127) [length, header] = [Number(read.readBigUInt64BE(at + 2)), 10];
    frames.push({ opcode, payload: read.subarray(at + header, at + header + length) });
    at += header + length;
  }
  return frames;
}

describe.skipIf(skipReason !== undefined)('the web shell survives hostile clients (real process)', () => {
  let topo: Topology;
  let shell: ChildProcess;
  let exited: Promise<number | null>;
  let exitedYet = false;
  let socketPath: string;
  let output = '';

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology();
    socketPath = join(topo.dirs.root, 'web.sock');
    const renderer = join(topo.dirs.root, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>fuzz</title>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'void 0;');
    shell = spawn(
      'ip',
      [
        'netns',
        'exec',
        topo.host,
        process.execPath,
        SERVE,
        '--socket',
        socketPath,
        '--public-port',
        String(PUBLIC_PORT),
        '--renderer',
        renderer,
      ],
      { env: { ...topo.env, SWITCHYARD_NO_DEFAULT: '1', SWITCHYARD_WEB_TOKEN: TOKEN } },
    );
    exited = new Promise((resolve) =>
      shell.once('exit', (code) => {
        exitedYet = true;
        resolve(code);
      }),
    );
    shell.stdout?.on('data', (c: Buffer) => (output += c));
    shell.stderr?.on('data', (c: Buffer) => (output += c));
    for (let i = 0; i < 600 && !output.includes('Switchyard web shell:') && !exitedYet; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(output).toContain('Switchyard web shell:');
  }, 60_000);

  afterAll(async () => {
    if (shell && !exitedYet) {
      shell.kill('SIGTERM');
      await exited;
    }
    await topo?.cleanup();
  });

  const page = async () =>
    statusOf(
      await exchange(socketPath, [Buffer.from(`GET /?token=${TOKEN} HTTP/1.1\r\nHost: ${HOST}\r\n\r\n`)]),
    );

  it('answers a request for // with 400, without a token', async () => {
    const reply = await exchange(socketPath, [Buffer.from(`GET // HTTP/1.1\r\nHost: ${HOST}\r\n\r\n`)]);
    expect(statusOf(reply)).toBe(400);
    expect(await page()).toBe(200);
  });

  it(`survives ${HTTP_CASES.toLocaleString('en')} malformed HTTP and upgrade requests`, async () => {
    const rand = prng(SEED);
    const statuses = new Map<number | 'none', number>();
    const served: string[] = [];
    for (let i = 0; i < HTTP_CASES; i += 25) {
      const batch = Array.from({ length: Math.min(25, HTTP_CASES - i) }, () => httpCase(rand));
      const replies = await Promise.all(batch.map((req) => exchange(socketPath, [req])));
      replies.forEach((reply, k) => {
        const status = statusOf(reply) ?? 'none';
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        // Nothing without the right token and Host may get the page or a socket.
        if ((status === 200 || status === 101) && !batch[k]!.includes(TOKEN))
          served.push(batch[k]!.toString('latin1').slice(0, 80));
      });
      expect(exitedYet, `the web shell exited during batch ${i} (seed ${SEED}): ${output}`).toBe(false);
    }
    console.log(
      `web shell HTTP fuzz, seed ${SEED}: statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(served).toEqual([]);
    expect(statuses.get(500) ?? 0).toBe(0);
    expect(await page()).toBe(200);
  }, 300_000);

  it(`survives ${WS_CONNECTIONS.toLocaleString('en')} malformed frames after ${(WS_CONNECTIONS * HOSTILE_REQUESTS).toLocaleString('en')} hostile requests, closing only the socket that sent them`, async () => {
    const rand = prng(SEED + 1);
    const closeCodes = new Map<number | 'none', number>();
    for (let c = 0; c < WS_CONNECTIONS; c += 20) {
      const conns = Array.from({ length: Math.min(20, WS_CONNECTIONS - c) }, (_, k) => {
        const { request: upgrade, accept } = handshake();
        const hostile = Array.from({ length: HOSTILE_REQUESTS }, (_, f) =>
          hostileFrame(rand, (c + k) * 10 + f),
        );
        const frames = [...hostile, malformedFrame(rand)];
        return wsExchange(socketPath, upgrade, frames).then((reply) => ({ reply, accept }));
      });
      for (const { reply, accept } of await Promise.all(conns)) {
        expect(statusOf(reply)).toBe(101);
        expect(reply.toString('latin1')).toContain(`Sec-WebSocket-Accept: ${accept}`);
        const close = serverFrames(reply).find((f) => f.opcode === 8);
        const code = close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : 'none';
        closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
      }
      expect(exitedYet, `the web shell exited after connection ${c} (seed ${SEED + 1}): ${output}`).toBe(
        false,
      );
    }
    console.log(
      `web shell frame fuzz, seed ${SEED + 1}: close codes ${JSON.stringify(Object.fromEntries(closeCodes))}`,
    );
    expect(await page()).toBe(200);
  }, 300_000);

  it('still answers the contract afterwards, and refuses dhcp-script through networks.create', async () => {
    const { request: upgrade } = handshake();
    const xml = `<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'><name>hook</name><ip address='192.168.163.1' netmask='255.255.255.0'/><dnsmasq:options><dnsmasq:option value='dhcp-script=/tmp/hook.sh'/></dnsmasq:options></network>`;
    const read = await new Promise<Buffer>((resolve, reject) => {
      const sock = connect(socketPath);
      const chunks: Buffer[] = [];
      sock.on('error', reject);
      sock.on('data', (d: Buffer) => {
        chunks.push(d);
        const all = Buffer.concat(chunks);
        if (all.includes('"id":2')) {
          sock.destroy();
          resolve(all);
        }
      });
      sock.on('connect', () => {
        sock.write(upgrade);
        sock.write(request(1, 'networks.list', {}));
        sock.write(request(2, 'networks.create', { xml }));
      });
    });
    const replies = serverFrames(read)
      .filter((f) => f.opcode === 1)
      .map((f) => JSON.parse(f.payload.toString()) as { id?: number; reply?: unknown });
    expect(replies).toContainEqual({ id: 1, reply: { ok: true, value: [] } });
    expect(replies).toContainEqual({
      id: 2,
      reply: {
        ok: false,
        error: {
          code: 'access-denied',
          message:
            "network 'hook': <dnsmasq:option value='dhcp-script=/tmp/hook.sh'> (line 1:160) sets 'dhcp-script', which runs a program as root; only root may set it: sudo switchyard net-create FILE",
        },
      },
    });
    expect(exitedYet).toBe(false);
  });
});
