// libvirt's own test inputs: every case libvirt parses must validate with no
// problem, and each of the 4 parse-error cases must fail with the one problem
// libvirt's parser reports for it. Two inputs of this 9.9 corpus are validate
// errors in libvirt >= 10, and here (see core/validate/mode-rules.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
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

function validateFile(input: string): string[] {
  const parsed = parseNetworkXml(readFileSync(new URL(input, corpus)));
  if (!parsed.ok) throw new Error(`${input} does not parse: ${parsed.error.message}`);
  return validateNetwork(parsed.value).map((p) => p.message);
}

describe('libvirt corpus', () => {
  test('has the 42 xml2xml and 27 xml2conf inputs', () => {
    expect(okInputs).toHaveLength(69);
  });

  const refusedSinceLibvirt10: [string, RegExp][] = [
    [
      'passthrough-pf',
      /<ip address='192.168.122.1'> \(line \d+:\d+\) is not supported with <forward mode='passthrough'>/,
    ],
    ['passthrough-address-crash', /<address type='pci' .*> \(line \d+:\d+\) lists a device by PCI address/],
  ];
  const refused = new Set(refusedSinceLibvirt10.map(([name]) => `xml2xml/in/${name}.xml`));

  test.each(okInputs.filter((c) => !refused.has(c.input)).map((c) => [c.input] as const))(
    '%s validates',
    (input) => {
      expect(validateFile(input)).toEqual([]);
    },
  );

  test.each(refusedSinceLibvirt10)('%s fails validation, as in libvirt >= 10', (name, message) => {
    const problems = validateFile(`xml2xml/in/${name}.xml`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  const failures: [string, RegExp][] = [
    [
      'routed-network-no-dns-extra-elements',
      /<dns enable='no'> \(line \d+:\d+\) may not contain <forwarder>/,
    ],
    [
      'open-network-with-forward-dev',
      /<forward mode='open' dev='eth0'> \(line \d+:\d+\) may not name a forward device/,
    ],
    [
      'hostdev-duplicate',
      /<address type='pci' .*function='0x3'> \(line \d+:\d+\) is listed twice in the device pool/,
    ],
    ['passthrough-duplicate', /<interface dev='eth3'> \(line \d+:\d+\) is listed twice/],
  ];
  test('lists exactly the parse-error cases', () => {
    const expected = cases
      .filter((c) => c.suite === 'xml2xml' && c.expect === 'parse-error')
      .map((c) => c.name);
    expect(failures.map(([name]) => name).sort()).toEqual(expected.sort());
  });
  test.each(failures)('%s fails validation', (name, message) => {
    const problems = validateFile(`xml2xml/in/${name}.xml`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
