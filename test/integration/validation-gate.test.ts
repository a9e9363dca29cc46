// Validation is the single gate, checked for real in a private namespace: each
// definition here once passed net-validate and then failed in net-start (dnsmasq
// refused its config, nft its rule, the file system its file name). Now
// net-validate refuses it with the usual one line, net-create refuses it before
// touching the host, and the values right beside each refused one start for real.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { EMPTY, snapshot } from './harness/inspect.js';
import { netXml } from './harness/network-xml.js';
import { skipReason } from './harness/preconditions.js';
import { createTopology, type Topology } from './harness/topology.js';

const cli = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const base = { bridge: 'sygate0', net: '192.168.161', mode: 'nat' as const };
const dns = (inner: string) => `  <dns>\n    ${inner}\n  </dns>\n`;
const host = (name: string) => `      <host mac='52:54:00:00:00:01' name='${name}' ip='192.168.161.5'/>\n`;

/** [what, file stem, XML, the message net-validate must give]. */
const REFUSED: [string, string, string, RegExp][] = [
  [
    'a newline in a DNS TXT value',
    'txt-nl',
    netXml({ ...base, name: 'txt-nl', extra: dns("<txt name='t' value='a&#10;b'/>") }),
    /<txt name='t' value='a\\nb'> \(line 11:5\) value 'a\\nb' may not contain a line break$/,
  ],
  [
    'a quote in a DNS TXT value',
    'txt-quote',
    netXml({ ...base, name: 'txt-quote', extra: dns(`<txt name='t' value='say "hi'/>`) }),
    /<txt name='t' value='say "hi'> \(line 11:5\) value 'say "hi' may not contain '"'/,
  ],
  [
    'a newline in the domain name',
    'domain-nl',
    netXml({ ...base, name: 'domain-nl', extra: "  <domain name='a&#10;b'/>\n" }),
    /<domain name='a\\nb'> \(line 10:3\) name 'a\\nb' may not contain a line break$/,
  ],
  [
    'a quote in the domain name',
    'domain-quote',
    netXml({ ...base, name: 'domain-quote', extra: `  <domain name='lab"x'/>\n` }),
    /<domain name='lab"x'> \(line 10:3\) name 'lab"x' may not contain '"'/,
  ],
  [
    'a newline in a DNS host name',
    'host-nl',
    netXml({
      ...base,
      name: 'host-nl',
      extra: dns("<host ip='192.168.161.9'><hostname>a&#10;b</hostname></host>"),
    }),
    /<host ip='192.168.161.9'> \(line 11:5\) <hostname> 'a\\nb' may not contain a line break$/,
  ],
  [
    'a comma in a DHCP host name',
    'dhcp-comma',
    netXml({ ...base, name: 'dhcp-comma', dhcpHosts: host('vm,192.168.161.77') }),
    /<host mac='52:54:00:00:00:01' name='vm,192.168.161.77' ip='192.168.161.5'> \(line 8:7\) name 'vm,192.168.161.77' may contain only letters, digits, '-', '_' and '.'$/,
  ],
  ...['br#1', 'br%x', "br'q"].map((bridge, i): [string, string, string, RegExp] => [
    `bridge ${bridge}, which the nft rule cannot carry`,
    `bridge-chars-${i}`,
    netXml({ ...base, name: 'bridge-chars', bridge: bridge.replace("'", '&apos;') }),
    /<bridge name='br(#1|%x|\\'q)'> \(line 4:3\) name 'br(#1|%x|\\'q)' may contain only letters, digits and '_' '\.' '\+' '@' '-'/,
  ]),
  [
    'a bridge name of 9 UTF-16 units and 16 bytes',
    'bridge-bytes',
    netXml({ ...base, name: 'bridge-bytes', bridge: 'brééééééé' }),
    /<bridge name='brééééééé'> \(line 4:3\) name 'brééééééé' is 16 bytes long; the kernel allows at most 15$/,
  ],
  [
    'a name whose encoded file name is too long (74 spaces + 4 letters)',
    'long-name',
    netXml({ ...base, name: `${' '.repeat(74)}abcd` }),
    /<name> \(line 1:1\) would need a file name of 226 characters .*; at most 215 fit$/,
  ],
];

describe.skipIf(skipReason !== undefined)('validation is the single gate (namespace)', () => {
  let topo: Topology;
  const sy = (args: string[]) =>
    topo.runInHost(process.execPath, [cli, ...args], { env: { ...topo.env, SWITCHYARD_NO_DEFAULT: '1' } });

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology();
  });
  afterAll(async () => {
    await topo?.cleanup();
  });

  it.each(REFUSED)(
    'net-validate refuses %s, and net-create refuses it before touching the host',
    async (_what, stem, xml, message) => {
      const file = writeXml(topo, stem, xml);
      for (const verb of ['net-validate', 'net-create']) {
        const r = await sy([verb, file]);
        expect(r.code, `${verb}: ${r.stdout}`).toBe(1);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(/^error: network '[^\n]*': <[a-z]+[^\n]*> \(line \d+:\d+\) /);
        expect(r.stderr.trim()).toMatch(message);
      }
      expect(await snapshot(topo)).toEqual(EMPTY);
    },
  );

  it('starts the values right beside the refused ones: 15 bytes of every nft character, the longest encoded name, dnsmasq text', async () => {
    // 71 spaces and 2 letters: a 215-character file stem, the longest that fits.
    const name = `${' '.repeat(71)}ab`;
    const file = writeXml(
      topo,
      'beside',
      netXml({
        ...base,
        name,
        bridge: 'sy.b_c+d@e-f012',
        dhcpHosts: host('vm_1-a.lab'),
        extra: `  <domain name='lab.example'/>\n${dns(
          "<txt name='t' value='some text, with a#hash and sym=bols'/>\n    <host ip='192.168.161.9'><hostname>gw</hostname><hostname>gw.lab.example</hostname></host>",
        )}`,
      }),
    );
    expect((await sy(['net-validate', file])).code).toBe(0);
    const created = await sy(['net-create', file]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const snap = await snapshot(topo);
    expect(snap.links).toEqual(['sy.b_c+d@e-f012']);
    expect(snap.dnsmasq).toHaveLength(1);
    expect((await sy(['net-destroy', name])).code).toBe(0);
    expect(await snapshot(topo)).toEqual(EMPTY);
  });
});
