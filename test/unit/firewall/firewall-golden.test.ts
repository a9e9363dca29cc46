// Golden files: the ruleset for each libvirt firewall test input (libvirt >= 10.4
// nftables corpus) and each input of the libvirt 9.0 reference run. Each golden in
// test/golden/firewall/ was reviewed by hand against libvirt's rules for the same
// input. Regenerate with UPDATE_GOLDEN=1 and review the diff before committing.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { firewallRuleset } from '../../../core/firewall/index.js';
import { parseNetworkXml } from '../../../core/xml/parse-network.js';

const shared = new URL('../../../../shared/', import.meta.url);
const goldenDir = new URL('../../golden/firewall/', import.meta.url);
const update = process.env.UPDATE_GOLDEN === '1';

const sources = [
  { label: 'upstream-10.x', dir: new URL('conformance/libvirt/firewall/upstream-10.x/', shared) },
  { label: 'libvirt-9.0', dir: new URL('reference/libvirt-9.0/input/', shared) },
];

const cases = sources.flatMap(({ label, dir }) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .map((file) => ({ id: `${label}/${file.replace(/\.xml$/, '')}`, xml: new URL(file, dir) })),
);

describe('firewall golden files', () => {
  test('all 12 inputs are covered', () => {
    expect(cases).toHaveLength(12);
  });

  test.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const parsed = parseNetworkXml(readFileSync(c.xml, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    // libvirt picked virbr1 for the reference 'isolated' network, which names no bridge.
    const script = firewallRuleset(parsed.value, { bridge: parsed.value.bridge?.name ?? 'virbr1' });
    const golden = new URL(`${id}.nft`, goldenDir);
    if (update) {
      mkdirSync(new URL('.', golden), { recursive: true });
      writeFileSync(golden, script);
    }
    expect(existsSync(golden), `missing golden ${id}.nft (UPDATE_GOLDEN=1 writes it)`).toBe(true);
    expect(script).toBe(readFileSync(golden, 'utf8'));
  });
});
