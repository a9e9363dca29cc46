// libvirt's networkxml2conftest corpus: our dnsmasq config must equal libvirt's
// line for line, except our own `##` header, the options listed in
// dnsmasq-allowed-extra.txt, and file paths for names that are not file-safe
// (libvirt XML-escapes those into the path; we percent-encode them).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dnsmasqConfig, dnsmasqHostsfile, dnsmasqPaths, safeFileStem } from '../../core/dnsmasq/index.js';
import { parseNetworkXml } from '../../core/xml/parse-network.js';

const corpus = new URL('../../../shared/conformance/libvirt/', import.meta.url);
const STATE_DIR = '/var/lib/libvirt/dnsmasq';

interface ConfCase {
  suite: string;
  name: string;
  input: string;
  expected: string;
  expected_hostsfile: string | null;
}

const cases = (
  JSON.parse(readFileSync(new URL('cases.json', corpus), 'utf8')) as { cases: ConfCase[] }
).cases.filter((c) => c.suite === 'xml2conf');

const allowedExtra = new Set(
  readFileSync(new URL('dnsmasq-allowed-extra.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== ''),
);

const optionName = (line: string): string => line.split('=')[0] ?? line;
const body = (conf: string): string[] =>
  conf.split('\n').filter((line) => line !== '' && !line.startsWith('##'));

const PATH_OPTIONS = new Set(['dhcp-hostsfile', 'addn-hosts']);

/** Path lines for a name that is not file-safe: ours must use the safe stem; then both sides are masked. */
function maskUnsafePaths(lines: string[], name: string, ours: boolean): string[] {
  if (safeFileStem(name) === name) return lines;
  const paths = dnsmasqPaths(STATE_DIR, name);
  return lines.map((line) => {
    const option = optionName(line);
    if (!PATH_OPTIONS.has(option)) return line;
    if (ours) {
      expect(line).toBe(`${option}=${option === 'addn-hosts' ? paths.addnhosts : paths.hostsfile}`);
    }
    return `${option}=<path>`;
  });
}

const seenExtras = new Set<string>();

describe('xml2conf (libvirt networkxml2confdata)', () => {
  test('the corpus has its 27 cases', () => {
    expect(cases).toHaveLength(27);
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const parsed = parseNetworkXml(readFileSync(new URL(c.input, corpus), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const def = parsed.value;
    // Production options on, so the comparison also proves they are the only additions.
    const conf = dnsmasqConfig(def, {
      stateDir: STATE_DIR,
      bridge: def.bridge?.name ?? 'virbr0',
      pidFile: '/run/switchyard/networks/test.pid',
      user: 'dnsmasq',
      fastOffer: true,
    });
    const ourLines = body(conf).filter((line) => {
      const extra = allowedExtra.has(optionName(line));
      if (extra) seenExtras.add(optionName(line));
      return !extra;
    });
    const expected = body(readFileSync(new URL(c.expected, corpus), 'utf8'));
    expect(maskUnsafePaths(ourLines, def.name, true)).toEqual(maskUnsafePaths(expected, def.name, false));

    const hosts =
      c.expected_hostsfile === null ? '' : readFileSync(new URL(c.expected_hostsfile, corpus), 'utf8');
    expect(dnsmasqHostsfile(def)).toBe(hosts);
  });

  test('every allowed extra option is one we actually write', () => {
    expect([...allowedExtra].sort()).toEqual([...seenExtras].sort());
  });
});
