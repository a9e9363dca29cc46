import { describe, expect, it } from 'vitest';
import { operand, parseArgs } from '../../../cli/args.js';

describe('virsh-style arguments', () => {
  const spec = { operands: ['network'] } as const;

  it('takes the operand by position or by its flag', () => {
    expect(operand('net-start', parseArgs('net-start', ['lab'], spec), 'network')).toBe('lab');
    expect(operand('net-start', parseArgs('net-start', ['--network', 'lab'], spec), 'network')).toBe('lab');
    expect(operand('net-start', parseArgs('net-start', ['--network=lab'], spec), 'network')).toBe('lab');
  });

  it('fills the operands not given by flag from the positionals, in order', () => {
    const args = parseArgs('net-update', ['--command', 'add', 'lab', 'dns-txt', '<txt/>'], {
      operands: ['network', 'command', 'section', 'xml'],
    });
    expect(Object.fromEntries(args.values)).toEqual({
      command: 'add',
      network: 'lab',
      section: 'dns-txt',
      xml: '<txt/>',
    });
  });

  it('keeps names that look odd but are valid, after --', () => {
    expect(operand('net-start', parseArgs('net-start', ['--', '--weird;name'], spec), 'network')).toBe(
      '--weird;name',
    );
  });

  it("refuses data no operand takes with virsh's words, so nothing happens", () => {
    expect(() => parseArgs('net-undefine', ['lab', 'extra'], spec)).toThrow("unexpected data 'extra'");
    expect(() => parseArgs('net-undefine', ['--network', 'lab', 'extra'], spec)).toThrow(
      "unexpected data 'extra'",
    );
    expect(() => parseArgs('net-list', ['x'], { flags: ['all'] })).toThrow("unexpected data 'x'");
  });

  it('refuses unknown options and missing values with one line', () => {
    expect(() => parseArgs('net-list', ['--bogus'], { flags: ['all'] })).toThrow(
      'net-list: unknown option --bogus',
    );
    expect(() => parseArgs('net-define', ['--file'], { operands: ['file'] })).toThrow(
      'net-define: option --file needs a value',
    );
    expect(() => operand('net-start', parseArgs('net-start', [], spec), 'network')).toThrow(
      'net-start: missing network operand',
    );
  });
});
