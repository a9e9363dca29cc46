import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { diagnosticFor } from '../../../renderer/src/features/xml-editor/editor-view.js';
import { lintNetworkXml, lintSummary } from '../../../renderer/src/features/xml-editor/lint.js';

const good = `<network>
  <name>lab</name>
  <ip address='192.168.50.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.50.2' end='192.168.50.254'/>
    </dhcp>
  </ip>
</network>
`;

describe('XML lint', () => {
  it('is quiet on a valid definition', () => {
    expect(lintNetworkXml(good)).toEqual([]);
    expect(lintSummary([])).toBe('valid');
  });

  it('puts a semantic problem on the element’s line', () => {
    const bad = good.replace("end='192.168.50.254'", "end='192.168.51.9'");
    const [p] = lintNetworkXml(bad);
    expect(p?.code).toBe('validation');
    expect(p?.at.line).toBe(5);
    expect(p?.message).toContain('192.168.51.9');
  });

  it('puts a syntax error where the parser stopped', () => {
    const bad = good.replace('</dhcp>', '</dhcpp>');
    const [p] = lintNetworkXml(bad);
    expect(p?.code).toBe('xml-parse');
    expect(p?.at.line).toBe(6);
  });

  it('turns line:column into an editor range on that line', () => {
    const doc = Text.of(good.split('\n'));
    const d = diagnosticFor(doc, { code: 'validation', message: 'm', at: { line: 5, col: 7 } });
    expect(doc.lineAt(d.from).number).toBe(5);
    expect(doc.sliceString(d.from, d.to)).toBe('<range');
    const clamped = diagnosticFor(doc, { code: 'validation', message: 'm', at: { line: 99, col: 99 } });
    expect(clamped.from).toBeLessThanOrEqual(doc.length);
  });
});
