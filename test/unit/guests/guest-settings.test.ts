import { describe, expect, it } from 'vitest';
import { unprivilegedAttach, withUnprivilegedAttach } from '../../../core/guests/index.js';
import { formatNetworkXml } from '../../../core/xml/format-network.js';
import { parseNetworkXml } from '../../../core/xml/parse-network.js';

const parse = (xml: string) => {
  const r = parseNetworkXml(xml);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const base = "<network><name>lab</name><bridge name='virbr7'/></network>";
const NS = 'http://switchyard.dev/schemas/network/1.0';

describe('the unprivileged-attach setting in <metadata>', () => {
  it('is off for a definition without our element', () => {
    expect(unprivilegedAttach(parse(base))).toBe(false);
    const other = "<network><name>lab</name><metadata><app:x xmlns:app='urn:app'/></metadata></network>";
    expect(unprivilegedAttach(parse(other))).toBe(false);
  });

  it('is stored as one element of our namespace that libvirt keeps and ignores', () => {
    const on = withUnprivilegedAttach(parse(base), true);
    expect(formatNetworkXml(on)).toBe(
      `<network>\n  <name>lab</name>\n  <metadata>\n    <switchyard:guests xmlns:switchyard="${NS}" unprivilegedAttach="yes"/>\n  </metadata>\n  <bridge name='virbr7' stp='on' delay='0'/>\n</network>\n`,
    );
    // Read back from the XML as written, the file stays a libvirt network file.
    expect(unprivilegedAttach(parse(formatNetworkXml(on)))).toBe(true);
  });

  it("keeps the other applications' metadata when turned on and off", () => {
    const other = `<network><name>lab</name><metadata><app:x xmlns:app='urn:app' v='1'/></metadata></network>`;
    const on = withUnprivilegedAttach(parse(other), true);
    expect(on.metadata).toContain('<app:x xmlns:app="urn:app" v="1"/>');
    expect(unprivilegedAttach(on)).toBe(true);
    const off = withUnprivilegedAttach(on, false);
    expect(off.metadata).toBe('<metadata>\n    <app:x xmlns:app="urn:app" v="1"/>\n  </metadata>');
    expect(unprivilegedAttach(off)).toBe(false);
  });

  it('drops a <metadata> that held only our element when turned off', () => {
    const off = withUnprivilegedAttach(withUnprivilegedAttach(parse(base), true), false);
    expect(off.metadata).toBeUndefined();
    expect(formatNetworkXml(off)).toBe(formatNetworkXml(parse(base)));
  });

  it("reads anything but unprivilegedAttach='yes' as off", () => {
    const no = `<network><name>lab</name><metadata><s:guests xmlns:s='${NS}' unprivilegedAttach='true'/></metadata></network>`;
    expect(unprivilegedAttach(parse(no))).toBe(false);
  });
});
