// libvirt's own test inputs: every case libvirt parses must validate with no
// problem, and each of the 4 parse-error cases must fail with the one rule that
// matches the problem libvirt's parser reports for it. Two inputs of this 9.9 corpus are validate
// errors in libvirt >= 10, and here (see core/validate/mode-rules.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { RuleId } from '../../../core/validate/rule-ids.js';
import { validateNetwork } from '../../../core/validate/validate-network.js';
import { parseNetworkXml } from '../../../core/xml/parse-network.js';

const corpus = new URL('../../../../shared/conformance/libvirt/', import.meta.url);

interface CorpusCase {
  suite: string;
  name: string;
  input: string;
  expect: string;
}

const cases = (JSON.parse(readFileSync(new URL('cases.json', corpus), 'utf8')) as { cases: CorpusCase[] })
  .cases;
const okInputs = cases.filter((c) => (c.suite === 'xml2xml' || c.suite === 'xml2conf') && c.expect === 'ok');

function validateFile(input: string) {
  const parsed = parseNetworkXml(readFileSync(new URL(input, corpus)));
  if (!parsed.ok) throw new Error(`${input} does not parse: ${parsed.error.message}`);
  return validateNetwork(parsed.value);
}

const rulesOf = (input: string) => validateFile(input).map((p) => p.rule);

describe('libvirt corpus', () => {
  test('has the 42 xml2xml and 27 xml2conf inputs', () => {
    expect(okInputs).toHaveLength(69);
  });

  const refusedSinceLibvirt10: [string, RuleId][] = [
    ['passthrough-pf', 'mode.ip'],
    ['passthrough-address-crash', 'mode.pci-pool-outside-hostdev'],
  ];
  const refused = new Set(refusedSinceLibvirt10.map(([name]) => `xml2xml/in/${name}.xml`));

  test.each(okInputs.filter((c) => !refused.has(c.input)).map((c) => [c.input] as const))(
    '%s validates',
    (input) => {
      expect(validateFile(input).map((p) => p.message)).toEqual([]);
    },
  );

  test.each(refusedSinceLibvirt10)('%s fails validation by rule %s, as in libvirt >= 10', (name, rule) => {
    expect(rulesOf(`xml2xml/in/${name}.xml`)).toEqual([rule]);
  });

  const failures: [string, RuleId][] = [
    ['routed-network-no-dns-extra-elements', 'dns.records-while-disabled'],
    ['open-network-with-forward-dev', 'mode.open-forward-device'],
    ['hostdev-duplicate', 'forward.pci-address-repeated'],
    ['passthrough-duplicate', 'forward.interface-repeated'],
  ];
  test('lists exactly the parse-error cases', () => {
    const expected = cases
      .filter((c) => c.suite === 'xml2xml' && c.expect === 'parse-error')
      .map((c) => c.name);
    expect(failures.map(([name]) => name).sort()).toEqual(expected.sort());
  });
  test.each(failures)('%s fails validation by rule %s', (name, rule) => {
    expect(rulesOf(`xml2xml/in/${name}.xml`)).toEqual([rule]);
  });
});
