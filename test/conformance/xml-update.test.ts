// libvirt's networkxml2xmlupdatetest corpus: net-update applied to a parsed network,
// then formatted, must equal libvirt's output byte for byte; the *-fail cases must
// be refused at the update step. See the corpus README for the swapped-fields quirk:
// parentIndex is always 0 and the odd "index" values became VIR_NETWORK_XML_INACTIVE.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { applyNetworkUpdate } from '../../core/update/apply-update.js';
import type { UpdateCommand, UpdateSection } from '../../core/update/update-request.js';
import { formatNetworkXml } from '../../core/xml/format-network.js';
import { parseNetworkXml } from '../../core/xml/parse-network.js';

const corpus = new URL('../../../shared/conformance/libvirt/', import.meta.url);

interface UpdateCase {
  id: string;
  suite: string;
  name: string;
  input: string;
  update: string;
  expected: string | null;
  expect: 'ok' | 'update-error';
  command: string;
  section: string;
  parentIndex: number;
  flags: string[];
}

const COMMANDS: Record<string, UpdateCommand> = {
  VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST: 'add-first',
  VIR_NETWORK_UPDATE_COMMAND_ADD_LAST: 'add-last',
  VIR_NETWORK_UPDATE_COMMAND_MODIFY: 'modify',
  VIR_NETWORK_UPDATE_COMMAND_DELETE: 'delete',
};

const SECTIONS: Record<string, UpdateSection> = {
  VIR_NETWORK_SECTION_IP_DHCP_HOST: 'ip-dhcp-host',
  VIR_NETWORK_SECTION_IP_DHCP_RANGE: 'ip-dhcp-range',
  VIR_NETWORK_SECTION_FORWARD_INTERFACE: 'forward-interface',
  VIR_NETWORK_SECTION_PORTGROUP: 'portgroup',
  VIR_NETWORK_SECTION_DNS_HOST: 'dns-host',
  VIR_NETWORK_SECTION_DNS_TXT: 'dns-txt',
  VIR_NETWORK_SECTION_DNS_SRV: 'dns-srv',
};

const cases = (
  JSON.parse(readFileSync(new URL('cases.json', corpus), 'utf8')) as { cases: UpdateCase[] }
).cases.filter((c) => c.suite === 'xml-update');

const read = (path: string): string => readFileSync(new URL(path, corpus), 'utf8');

function run(c: UpdateCase) {
  const base = parseNetworkXml(read(c.input));
  if (!base.ok) throw new Error(`base network ${c.input}: ${base.error.message}`);
  const command = COMMANDS[c.command];
  const section = SECTIONS[c.section];
  if (!command || !section) throw new Error(`unknown command or section in ${c.id}`);
  return applyNetworkUpdate(base.value, {
    command,
    section,
    parentIndex: c.parentIndex,
    xml: read(c.update),
  });
}

describe('xml-update (libvirt networkxml2xmlupdatetest)', () => {
  test('the corpus has its 41 cases (21 ok, 20 failing)', () => {
    expect(cases).toHaveLength(41);
    expect(cases.filter((c) => c.expect === 'ok')).toHaveLength(21);
  });

  test.each(cases.filter((c) => c.expect === 'ok').map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const result = run(c);
    if (!result.ok) throw new Error(result.error.message);
    const inactive = c.flags.includes('VIR_NETWORK_XML_INACTIVE');
    expect(formatNetworkXml(result.value, { inactive })).toBe(read(c.expected ?? ''));
  });

  test.each(cases.filter((c) => c.expect === 'update-error').map((c) => [c.id, c] as const))(
    '%s is refused',
    (_id, c) => {
      const result = run(c);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).not.toContain('\n');
    },
  );
});
