// libvirt's networkxml2xmltest as data: every `xml2xml` case of the corpus.
// `ok` cases must come back byte-identical to libvirt's output; `parse-error`
// cases must be refused by readNetworkDefinition (their refusals come from
// validation, so they pass only once core/validate checks them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readNetworkDefinition } from '../../core/definition.js';
import { formatNetworkXml } from '../../core/xml/format-network.js';
import { parseNetworkXml } from '../../core/xml/parse-network.js';

const CORPUS = new URL('../../../shared/conformance/libvirt/', import.meta.url);

interface CorpusCase {
  suite: string;
  name: string;
  input: string;
  expected: string | null;
  expect: 'ok' | 'parse-error' | 'update-error';
  flags: string[];
}

const { cases } = JSON.parse(readFileSync(new URL('cases.json', CORPUS), 'utf8')) as { cases: CorpusCase[] };
const xml2xml = cases.filter((c) => c.suite === 'xml2xml');

describe('libvirt xml2xml corpus', () => {
  it('has the 46 cases the README lists', () => {
    expect(xml2xml.filter((c) => c.expect === 'ok')).toHaveLength(42);
    expect(xml2xml.filter((c) => c.expect === 'parse-error')).toHaveLength(4);
  });

  for (const c of xml2xml.filter((x) => x.expect === 'ok')) {
    it(c.name, () => {
      const input = readFileSync(new URL(c.input, CORPUS));
      const expected = readFileSync(new URL(c.expected ?? '', CORPUS), 'utf8');
      const parsed = parseNetworkXml(input);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const inactive = c.flags.includes('VIR_NETWORK_XML_INACTIVE');
      expect(formatNetworkXml(parsed.value, { inactive })).toBe(expected);
    });
  }

  for (const c of xml2xml.filter((x) => x.expect === 'parse-error')) {
    it(`${c.name} is refused`, () => {
      const result = readNetworkDefinition(readFileSync(new URL(c.input, CORPUS)));
      expect(result.ok).toBe(false);
    });
  }
});
