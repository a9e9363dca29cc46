import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../core/result.js';
import { placeProblems } from '../../../renderer/src/features/create-wizard/problem-fields.js';

const XML = `<network>
  <name>lab</name>
  <forward mode='nat'/>
  <domain name='x y'/>
  <ip address='10.0.0.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='10.0.0.9' end='10.0.0.2'/>
      <host mac='52:54:00:00:00:01' ip='10.0.0.5'/>
      <host mac='52:54:00:00:00:02' ip='10.0.0.1'/>
    </dhcp>
  </ip>
  <ip family='ipv6' address='fd00::1' prefix='64'/>
</network>`;

const at = (line: number): Problem => ({ code: 'validation', message: `line ${line}`, at: { line, col: 3 } });

describe('placing core’s problems on the wizard’s fields', () => {
  it('puts each problem on the field its line belongs to', () => {
    const placed = placeProblems(XML, [at(1), at(2), at(3), at(4), at(5), at(7), at(9), at(12)]);
    expect(placed.map((p) => [p.field, p.host])).toEqual([
      ['name', undefined],
      ['name', undefined],
      ['mode', undefined],
      ['domain', undefined],
      ['subnet', undefined],
      ['range', undefined],
      ['hosts', 1],
      ['ipv6', undefined],
    ]);
  });

  it('leaves out problems without a line it knows', () => {
    expect(placeProblems(XML, [{ code: 'validation', message: 'no position' }, at(10), at(99)])).toEqual([]);
  });
});
