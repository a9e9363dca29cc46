// Hostile input: each case must end in a clean error without throwing. A case that
// went exponential or quadratic (entity expansion, a backtracking regex on a million
// characters) would run for hours: the test's own timeout catches it, so nothing
// here measures time.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatNetworkXml } from '../../../core/xml/format-network.js';
import { parseNetworkXml } from '../../../core/xml/parse-network.js';

function refused(source: string | Uint8Array, message: RegExp): void {
  const result = parseNetworkXml(source);
  if (result.ok) throw new Error('hostile input was accepted');
  expect(result.error.code).toBe('xml-parse');
  expect(result.error.message).toMatch(message);
  expect(result.error.at).toBeDefined();
}

describe('hostile XML', () => {
  it('refuses billion-laughs entity expansion (no DTD is read)', () => {
    const entities = Array.from(
      { length: 10 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('\n');
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE network [\n<!ENTITY lol0 "lol">\n${entities}\n]>\n<network><name>&lol10;</name></network>`;
    refused(xml, /\(line 2:1\): DOCTYPE is not allowed/);
  });

  it('refuses an external entity', () => {
    const xml =
      '<!DOCTYPE network [<!ENTITY xxe SYSTEM "file:///etc/shadow">]><network><name>&xxe;</name></network>';
    refused(xml, /DOCTYPE is not allowed/);
  });

  it('refuses an undeclared entity reference without a DTD', () => {
    refused('<network><name>&xxe;</name></network>', /undefined entity '&xxe;'/);
  });

  it('refuses a 10 MB input before reading it', () => {
    const big = `<network><name>x</name><description>${'a'.repeat(10 * 1024 * 1024)}</description></network>`;
    refused(big, /the limit is 4 MiB/);
    refused(new TextEncoder().encode(big), /input is \d+ bytes; the limit is 4 MiB/);
  });

  it('refuses 10,000-deep nesting', () => {
    const xml = `<network><name>x</name>${'<a>'.repeat(10000)}${'</a>'.repeat(10000)}</network>`;
    refused(xml, /nested more than 64 deep/);
  });

  it('refuses invalid UTF-8 with its position', () => {
    const bytes = new TextEncoder().encode('<network>\n  <name>caf?</name>\n</network>');
    bytes[bytes.indexOf(0x3f)] = 0xc3; // a lead byte followed by '<', not a continuation byte
    refused(bytes, /\(line 2:12\): input is not valid UTF-8 \(byte 0xc3\)/);
    refused(Uint8Array.from([0x3c, 0x61, 0xff, 0x3e]), /not valid UTF-8 \(byte 0xff\)/);
    refused(Uint8Array.from([0x3c, 0x61, 0xed, 0xa0, 0x80, 0x3e]), /not valid UTF-8/); // encoded surrogate
  });

  it('reads one UTF-8 byte-order mark, and refuses a second one, UTF-16 and a mark after text', () => {
    const xml = new TextEncoder().encode('<network><name>bom</name></network>');
    const withPrefix = (...prefix: number[]) => Uint8Array.from([...prefix, ...xml]);
    const once = parseNetworkXml(withPrefix(0xef, 0xbb, 0xbf));
    expect(once.ok && once.value.name).toBe('bom');
    refused(withPrefix(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf), /\(line 1:1\): expected the root element here/);
    refused(withPrefix(0xff, 0xfe), /\(line 1:1\): input is not valid UTF-8 \(byte 0xff\)/);
    refused(withPrefix(0xfe, 0xff), /\(line 1:1\): input is not valid UTF-8 \(byte 0xfe\)/);
    refused(' \uFEFF<network><name>bom</name></network>', /\(line 1:2\): expected the root element here/);
  });

  it('refuses unpaired surrogates in a string', () => {
    refused('<network><name>\ud800</name></network>', /U\+D800 is not allowed/);
  });

  it('stays linear on long runs that could trip a backtracking regex', () => {
    const spaces = ' '.repeat(1_000_000);
    refused(`<network${spaces}x${spaces}`, /expected '=' after attribute name 'x'/);
    const uuid = `a${spaces}b`;
    const mac = '1:'.repeat(300000);
    const result = parseNetworkXml(
      `<network><name>a</name><uuid>${uuid}</uuid><mac address='${mac}'/></network>`,
    );
    expect(result.ok && [result.value.uuid, result.value.mac?.address]).toEqual([uuid, mac]);
  });
});

// Deterministic PRNG (mulberry32) so a failure is reproducible from its seed.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CORPUS = new URL('../../../../shared/conformance/libvirt/', import.meta.url);

function corpusInputs(): Uint8Array[] {
  const files: Uint8Array[] = [];
  for (const dir of ['xml2xml/in/', 'xml2conf/']) {
    for (const name of readdirSync(new URL(dir, CORPUS))) {
      if (name.endsWith('.xml')) files.push(readFileSync(new URL(dir + name, CORPUS)));
    }
  }
  return files;
}

type Mutation = (bytes: Uint8Array, rand: () => number) => Uint8Array;

const pick = (rand: () => number, n: number): number => Math.floor(rand() * n);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const MUTATIONS: Mutation[] = [
  // truncation
  (b, r) => b.slice(0, pick(r, b.length)),
  // byte flips
  (b, r) => {
    const out = b.slice();
    for (let i = 0, n = 1 + pick(r, 4); i < n; i++) {
      const at = pick(r, out.length);
      out[at] = (out[at] ?? 0) ^ (1 << pick(r, 8));
    }
    return out;
  },
  // random byte values, including invalid UTF-8
  (b, r) => {
    const out = b.slice();
    out[pick(r, out.length)] = pick(r, 256);
    return out;
  },
  // duplicated element lines
  (b, r) => {
    const lines = decoder.decode(b).split('\n');
    const i = pick(r, lines.length);
    lines.splice(i, 0, ...lines.slice(i, i + 1 + pick(r, 3)));
    return encoder.encode(lines.join('\n'));
  },
  // huge numbers in place of a digit run
  (b, r) => {
    const text = decoder.decode(b);
    const runs = [...text.matchAll(/[0-9]+/g)];
    const run = runs[pick(r, runs.length)];
    if (!run || run.index === undefined) return b;
    const huge = r() < 0.5 ? '9'.repeat(40) : `-${'1'.repeat(pick(r, 30) + 1)}`;
    return encoder.encode(text.slice(0, run.index) + huge + text.slice(run.index + run[0].length));
  },
  // markup characters dropped in at random
  (b, r) => {
    const text = decoder.decode(b);
    const at = pick(r, text.length);
    const junk = ['<', '>', '&', "'", '"', '</a>', '<!--', ']]>', '&#0;', '&amp', '\u0000', '<![CDATA['][
      pick(r, 12)
    ];
    return encoder.encode(text.slice(0, at) + junk + text.slice(at));
  },
  // an attribute value swapped for another word
  (b, r) => {
    const text = decoder.decode(b);
    const values = [...text.matchAll(/='[^']*'/g)];
    const v = values[pick(r, values.length)];
    if (!v || v.index === undefined) return b;
    const words = [
      "='yes'",
      "='no'",
      "='on'",
      "=''",
      "='0x10'",
      "='::1'",
      "='nat'",
      "='1.2.3'",
      "='4294967296'",
    ];
    return encoder.encode(
      text.slice(0, v.index) + words[pick(r, words.length)] + text.slice(v.index + v[0].length),
    );
  },
];

describe('fuzz: mutated corpus files', () => {
  it('never throws and never hangs; accepted files print and re-read to the same text', () => {
    const inputs = corpusInputs();
    expect(inputs.length).toBeGreaterThan(40);
    const rand = prng(0x5eed);
    let accepted = 0;
    let refusedCount = 0;
    for (let i = 0; i < 3000; i++) {
      const input = inputs[pick(rand, inputs.length)]!;
      let bytes = input;
      for (let m = 0, n = rand() < 0.8 ? 1 : 2; m < n; m++)
        bytes = MUTATIONS[pick(rand, MUTATIONS.length)]!(bytes, rand);
      const result = parseNetworkXml(bytes);
      if (!result.ok) {
        expect(result.error.code).toBe('xml-parse');
        expect(result.error.message).not.toMatch(/\n/);
        refusedCount++;
        continue;
      }
      accepted++;
      const printed = formatNetworkXml(result.value);
      const again = parseNetworkXml(printed);
      if (!again.ok)
        throw new Error(`iteration ${i}: printed XML does not re-read: ${again.error.message}\n${printed}`);
      expect(formatNetworkXml(again.value)).toBe(printed);
    }
    expect(accepted).toBeGreaterThan(100);
    expect(refusedCount).toBeGreaterThan(100);
  });
});
