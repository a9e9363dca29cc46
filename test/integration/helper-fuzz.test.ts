// 10,000 hostile lines into the real root helper, inside a private namespace with
// private state directories: malformed, oversized, truncated, wrong-typed JSON;
// names with ';', '$(...)', '../' and newlines; XML bombs and external entities.
// The helper must answer every line with an error, stay up, and change nothing.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildExit, exitOf } from '../support/child-exit.js';
import { pollUntil } from '../support/poll-until.js';
import { ensureBuilt } from './harness/engine-client.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { prng } from './harness/seeded-random.js';
import { createTopology, type Topology } from './harness/topology.js';

const HELPER = fileURLToPath(new URL('../../dist/helper/main.js', import.meta.url));
const LINES = 10_000;
const MIB = 1024 * 1024;

const HOSTILE_NAMES = [
  'lab; rm -rf /',
  '$(reboot)',
  '`id`',
  '../../etc/passwd',
  '..',
  '.',
  'a\nb',
  'a\r\nb',
  '\u0000',
  'x'.repeat(5000),
  '--help',
  '-rf',
  '|cat /etc/shadow',
  '&& touch /tmp/pwned',
  '%2e%2e%2fetc',
  'é'.repeat(150),
  '\u202etxt.exe',
  '',
];

const BOMBS = [
  // Billion laughs: entity expansion must never happen.
  `<?xml version="1.0"?><!DOCTYPE n [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><network><name>&d;</name></network>`,
  // External entity (XXE).
  `<?xml version="1.0"?><!DOCTYPE n [<!ENTITY x SYSTEM "file:///etc/shadow">]><network><name>&x;</name></network>`,
  // Deep nesting.
  `<network><name>deep</name>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</network>`,
  // A huge attribute, still under the line limit.
  `<network><name>big</name><bridge name="${'b'.repeat(3 * MIB)}"/></network>`,
  // Names the host must refuse even in well-formed XML.
  '<network><name>../escape</name></network>',
  '<network><name>a&#10;b</name></network>',
  '<network><name>$(reboot)</name><ip address="999.1.1.1" netmask="255.255.255.0"/></network>',
  '<network><name>lab;id</name><forward mode="warp"/></network>',
  '<network><name>x</name><ip address="10.0.0.1" prefix="24"><dhcp><range start="10.0.1.2" end="10.0.0.9"/></dhcp></ip></network>',
  '<network><name>unterminated',
  '<!-- only a comment -->',
  '<network xmlns:x="urn:x"><x:name>ns</x:name></network>',
  '\uFEFF\uFEFF<network/>',
  `<network><name>${'n'.repeat(300)}</name></network>`,
];

/** One hostile line (without its newline), of a kind picked by the generator. */
function hostileLine(rand: () => number, i: number): string | Buffer {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const req = (method: string, params: unknown, id: unknown = i + 2) =>
    JSON.stringify({ id, method, params });
  const name = pick(HOSTILE_NAMES);
  switch (Math.floor(rand() * 14)) {
    case 0: // random bytes, often invalid UTF-8
      return Buffer.from(
        Array.from({ length: 1 + Math.floor(rand() * 200) }, () => Math.floor(rand() * 256)).filter(
          (b) => b !== 10,
        ),
      );
    case 1: {
      // a valid-looking request cut short
      const full = req(pick(['start', 'define', 'autostart']), { net: 'lab', xml: '<network/>', on: true });
      return full.slice(0, Math.floor(rand() * (full.length - 1)));
    }
    case 2: // wrong types
      return pick([
        req('start', { net: 5 }),
        req('start', null),
        req('start', ['lab']),
        req('autostart', { net: 'lab', on: 'true' }),
        req('define', { xml: { toString: '<network/>' } }),
        req('start', { net: 'lab' }, '1'),
        req('start', { net: 'lab' }, -1),
        req('start', { net: 'lab' }, 1.5),
        req('start', { net: 'lab' }, 1e300),
        JSON.stringify({ id: i + 2, method: 7, params: {} }),
        JSON.stringify([i + 2, 'start', { net: 'lab' }]),
        'true',
        '"start"',
        '1e999999',
      ]);
    case 3: // unknown methods, including names that exist on every JS object
      return req(
        pick([
          'exec',
          'shell',
          'spawn',
          '__proto__',
          'constructor',
          'toString',
          'hasOwnProperty',
          'hello ',
          'START',
          'net-start',
          'reserve',
          '',
        ]),
        {},
      );
    case 4: // hostile names on every method that takes one (none of these networks exist)
      return req(pick(['start', 'destroy', 'undefine']), { net: name });
    case 5:
      return req('autostart', { net: name, on: rand() < 0.5 });
    case 6:
      return req('update', { net: name, command: 'add', section: 'dns-host', xml: pick(BOMBS) });
    case 7: // XML bombs and refused definitions
      return req(pick(['define', 'create']), { xml: pick(BOMBS) });
    case 8: // extra keys and prototype tricks
      return pick([
        `{"id":${i + 2},"method":"start","params":{"net":"lab"},"shell":"id"}`,
        `{"id":${i + 2},"method":"start","params":{"net":"lab","__proto__":{"admin":true}}}`,
        `{"__proto__":{"id":1},"method":"start","params":{"net":"lab"}}`,
        `{"id":${i + 2},"method":"start","params":{"net":"ghost","constructor":{"prototype":{"x":1}}}}`,
        `{"id":${i + 2},"id":${i + 3},"method":"start"}`,
      ]);
    case 9: // deep JSON
      return `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    case 10: // empty and whitespace lines
      return pick(['', ' ', '\t', '\r', '\u00a0']);
    case 11: // hello with a wrong protocol, or a repeated hello with junk
      return pick([
        req('hello', { protocol: 0 }),
        req('hello', { protocol: '1' }),
        req('hello', { protocol: 1, x: 1 }),
      ]);
    case 12: // JSON with control characters and lone surrogates
      return req('start', { net: pick(['\ud800', 'a\u0007b', '\u001b[31mred']) });
    default: // a valid request for a network that does not exist
      return req(pick(['start', 'destroy', 'undefine']), { net: `ghost-${i}` });
  }
}

/** Every file under DIR (recursively) with its type, mode and a digest of its content. */
/** Every file with its mode and content; the host lock's file is there from the first command on. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    if (entry === '.lock') continue;
    const path = join(dir, entry);
    const st = lstatSync(path);
    out[entry] = st.isSymbolicLink()
      ? `link -> ${readlinkSync(path)}`
      : st.isDirectory()
        ? `dir ${st.mode.toString(8)}`
        : `file ${st.mode.toString(8)} ${st.mtimeMs} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
  }
  return out;
}

describe.skipIf(skipReason !== undefined)('helper under hostile input', () => {
  let topo: Topology;
  let helper: ChildProcessWithoutNullStreams;
  let exited: Promise<ChildExit>;
  const answers: { id: number | null; ok: boolean; error?: { code: string; message: string } }[] = [];
  const events: unknown[] = [];
  let stderr = '';

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology();
    // Something to protect: one persistent, autostarted network, and files in run and state.
    mkdirSync(join(topo.dirs.config, 'autostart'), { recursive: true });
    const saved = join(topo.dirs.config, 'lab.xml');
    writeFileSync(saved, netXml({ name: 'lab', bridge: 'sylab0', net: '192.168.177', mode: 'nat' }));
    symlinkSync(saved, join(topo.dirs.config, 'autostart', 'lab.xml'));
    mkdirSync(topo.dirs.run, { recursive: true });
    mkdirSync(topo.dirs.state, { recursive: true });
    writeFileSync(join(topo.dirs.state, 'keep.leases'), '');
    helper = spawn('ip', ['netns', 'exec', topo.host, process.execPath, HELPER], { env: topo.env });
    exited = exitOf(helper);
    let buffered = '';
    helper.stdout.on('data', (c: Buffer) => {
      buffered += c.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const v = JSON.parse(line);
        if ('event' in v) events.push(v);
        else answers.push(v);
      }
    });
    // Writes still queued when a failed test kills the helper must not crash the run.
    helper.stdin.on('error', () => {});
    helper.stderr.on('data', (c: Buffer) => {
      stderr = (stderr + c.toString('utf8')).slice(-20_000);
    });
  });

  afterAll(async () => {
    if (helper?.exitCode === null) helper.kill('SIGKILL');
    await exited;
    await topo?.cleanup();
  });

  const until = (n: number, timeoutMs: number) =>
    pollUntil(
      `${n} answers`,
      () => {
        if (helper.exitCode !== null) throw new Error(`the helper exited ${helper.exitCode}:\n${stderr}`);
        return answers.length >= n;
      },
      { timeoutMs, everyMs: 20 },
    );

  const write = (data: string | Buffer): Promise<void> =>
    new Promise((resolve) => {
      if (helper.stdin.write(data)) resolve();
      else helper.stdin.once('drain', () => resolve());
    });

  it(`answers ${LINES.toLocaleString('en')} hostile lines with errors, stays up and changes nothing`, async () => {
    const before = { config: tree(topo.dirs.config), run: tree(topo.dirs.run), state: tree(topo.dirs.state) };
    await write(`${JSON.stringify({ id: 1, method: 'hello', params: { protocol: 2 } })}\n`);
    await until(1, 30_000);
    expect(answers[0]).toMatchObject({ id: 1, ok: true });

    const rand = prng(0x5eed);
    const oversizedAt = new Set([17, 2_500, 5_000, 7_500, 9_999]);
    const t0 = performance.now();
    for (let i = 0; i < LINES; i++) {
      if (oversizedAt.has(i)) {
        // 9 MiB without a newline in several chunks, then the newline.
        for (let k = 0; k < 9; k++) await write(Buffer.alloc(MIB, k % 2 ? 0x7b : 0x41));
        await write('\n');
        continue;
      }
      const line = hostileLine(rand, i);
      await write(Buffer.concat([Buffer.from(line), Buffer.from('\n')]));
    }
    await until(LINES + 1, 120_000);
    const ms = performance.now() - t0;
    console.log(
      `fuzz: ${LINES} hostile lines answered in ${ms.toFixed(0)} ms (${((ms * 1000) / LINES).toFixed(0)} µs/line)`,
    );

    expect(helper.exitCode, stderr).toBeNull();
    expect(answers.length, stderr).toBe(LINES + 1);
    const wrong = answers.slice(1).filter((a) => a.ok !== false);
    expect(wrong, 'lines that were not refused').toEqual([]);
    const codes = new Set(answers.slice(1).map((a) => a.error?.code));
    expect(
      [...codes].every((c) =>
        ['invalid-input', 'xml-parse', 'validation', 'not-found', 'helper-unavailable'].includes(c!),
      ),
    ).toBe(true);
    expect(answers.slice(1).every((a) => !/[\n\r]/.test(a.error?.message ?? ''))).toBe(true);
    expect(Math.max(...answers.map((a) => a.error?.message.length ?? 0))).toBeLessThan(1100);
    // Oversized lines carry no id; their answer says why.
    expect(
      answers.filter((a) => a.id === null && a.error?.message.startsWith('request line longer than')).length,
    ).toBe(oversizedAt.size);
    // Only the hello succeeded; nothing changed, so no `changed` event was sent.
    expect(events).toEqual([{ event: 'ready', data: { protocol: 2, pid: expect.any(Number) } }]);

    // Still up and serving: a plain request gets its plain answer.
    await write(`${JSON.stringify({ id: 99_999, method: 'start', params: { net: 'nope' } })}\n`);
    await until(LINES + 2, 10_000);
    expect(answers.at(-1)).toEqual({
      id: 99_999,
      ok: false,
      error: { code: 'not-found', message: "Network not found: no network with matching name 'nope'" },
    });

    helper.stdin.end();
    expect(await exited).toEqual({ code: 0, signal: null });
    expect({
      config: tree(topo.dirs.config),
      run: tree(topo.dirs.run),
      state: tree(topo.dirs.state),
    }).toEqual(before);
    expect(existsSync('/tmp/pwned')).toBe(false);
  }, 600_000);
});
