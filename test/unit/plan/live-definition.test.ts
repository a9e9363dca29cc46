import { describe, expect, it } from 'vitest';
import { readNetworkDefinition } from '../../../core/definition.js';
import { liveDefinition } from '../../../core/plan/index.js';
import { formatNetworkXml } from '../../../core/xml/format-network.js';

const live = (forward: string): string => {
  const def = readNetworkDefinition(
    `<network><name>n</name><bridge name='sy0'/>${forward}<ip address='10.1.0.1' prefix='24'/></network>`,
  );
  if (!def.ok) throw new Error(def.error.message);
  return formatNetworkXml(liveDefinition(def.value));
};

describe('the live XML of a started network', () => {
  it("shows a NAT network's default source-port range, as libvirt's does", () => {
    expect(live("<forward mode='nat'/>")).toContain(
      "  <forward mode='nat'>\n    <nat>\n      <port start='1024' end='65535'/>\n    </nat>\n  </forward>\n",
    );
    expect(live('<forward/>')).toContain("<port start='1024' end='65535'/>");
  });

  it('keeps a range the definition gives, and adds none to other modes', () => {
    expect(live("<forward mode='nat'><nat><port start='2000' end='3000'/></nat></forward>")).toContain(
      "<port start='2000' end='3000'/>",
    );
    expect(live("<forward mode='route'/>")).not.toContain('<nat>');
    expect(live('')).not.toContain('<forward');
  });
});
