import { describe, expect, it } from 'vitest';
import { operand, parseArgs } from '../../../cli/args.js';

describe('virsh-style arguments', () => {
  it('takes the operand by position or by its flag', () => {
    expect(operand('net-start', parseArgs('net-start', ['lab'], { values: ['network'] }), 'network')).toBe(
      'lab',
    );
    expect(
      operand('net-start', parseArgs('net-start', ['--network', 'lab'], { values: ['network'] }), 'network'),
    ).toBe('lab');
    expect(
      operand('net-start', parseArgs('net-start', ['--network=lab'], { values: ['network'] }), 'network'),
    ).toBe('lab');
  });

  it('keeps names that look odd but are valid, after --', () => {
    const args = parseArgs('net-start', ['--', '--weird;name'], { values: ['network'] });
    expect(args.positionals).toEqual(['--weird;name']);
  });

  it('refuses unknown options and missing values with one line', () => {
    expect(() => parseArgs('net-list', ['--bogus'], { flags: ['all'] })).toThrow(
      'net-list: unknown option --bogus',
    );
    expect(() => parseArgs('net-define', ['--file'], { values: ['file'] })).toThrow(
      'net-define: option --file needs a value',
    );
    expect(() =>
      operand('net-start', parseArgs('net-start', [], { values: ['network'] }), 'network'),
    ).toThrow('net-start: missing network operand');
  });
});
