// net-dumpxml --xpath: every expression virsh 9.0 was given in fixtures/
// (capture-xpath.sh ran it on the same network), with and without --wrap, must
// print byte for byte what virsh printed; what the subset leaves out is refused
// with one line naming the construct and its column.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatNetworkXml } from '../../../core/xml/format-network.js';
import { parseNetworkXml } from '../../../core/xml/parse-network.js';
import { selectXml } from '../../../core/xml/xpath/index.js';

const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

interface VirshCase {
  xpath: string;
  wrap: boolean;
  stdout: string;
}

const captured = JSON.parse(fixture('xpath-virsh.json')) as { virsh: string; cases: VirshCase[] };
// virsh printed the document and a newline of its own.
const document = fixture('xpath-dumpxml.xml').replace(/\n$/, '');

/** What `switchyard net-dumpxml NET --xpath EXPR` prints: the selection and a newline. */
function printed(expr: string, wrap: boolean): string {
  const result = selectXml(document, expr, { wrap });
  if (!result.ok) throw new Error(result.error);
  return `${result.value}\n`;
}

function refusal(expr: string): string {
  const result = selectXml(document, expr, { wrap: false });
  return result.ok ? 'accepted' : result.error;
}

describe('net-dumpxml --xpath, as virsh 9.0 prints it', () => {
  it('works on the document Switchyard prints for the same definition', () => {
    // Parsed, not validated: libvirt takes the TXT value with '"' in it, which
    // Switchyard refuses because dnsmasq's config cannot carry it; the printing is the same.
    const def = parseNetworkXml(fixture('xpath-input.xml'));
    if (!def.ok) throw new Error(def.error.message);
    expect(formatNetworkXml(def.value, { inactive: true })).toBe(document);
    expect(captured.virsh).toBe('9.0.0');
  });

  it.each(captured.cases.map((c) => [`${c.xpath}${c.wrap ? ' --wrap' : ''}`, c] as const))(
    '%s',
    (_label, c) => {
      expect(printed(c.xpath, c.wrap)).toBe(c.stdout);
    },
  );
});

describe('what the subset refuses', () => {
  it.each([
    ['count(//host)', 'function count() is not supported (column 1)'],
    ['string(/network/name)', 'function string() is not supported (column 1)'],
    [
      '//dnsmasq:option',
      "namespace prefix in 'dnsmasq:option' is not supported (none is declared) (column 3)",
    ],
    ['//host[@ip > 1]', 'the comparison > is not supported (column 12)'],
    ['//srv[@port + 1 = 390]', 'arithmetic (+) is not supported (column 13)'],
    ['//host[$ip]', 'variables are not supported (column 8)'],
    ['//host/ancestor::ip', 'the ancestor axis is not supported (column 8)'],
    ["//host[@ip='10.77.0.5]", "the string starting with ' is not closed (column 12)"],
    ['///', "expected a name, * or text(), found '/' (column 3)"],
    ["'x'", 'a value selects no nodes: give a path (column 1)'],
  ])('%s', (expr, message) => {
    expect(refusal(expr)).toBe(
      `--xpath '${expr}': ${message}; supported: paths (/, //, names, *, ., .., @attr, @*, text(), node()), predicates ([N], [last()], [@attr], [@attr='v'], [child='v'], !=, and, or) and |`,
    );
  });
});
