import { describe, expect, it } from 'vitest';
import { element, position, problemCollector, quote } from '../../../core/validate/problem-text.js';

describe('quote', () => {
  it('keeps ordinary text', () => {
    expect(quote('lab')).toBe("'lab'");
    expect(quote('default"with"quotes"')).toBe(`'default"with"quotes"'`);
    expect(quote('a b;c')).toBe("'a b;c'");
    expect(quote(42)).toBe("'42'");
    expect(quote('réseau')).toBe("'réseau'");
  });
  it('escapes quotes, backslashes and control characters so messages stay on one line', () => {
    expect(quote("it's")).toBe("'it\\'s'");
    expect(quote('a\\b')).toBe("'a\\\\b'");
    expect(quote('a\nb\tc\rd')).toBe("'a\\nb\\tc\\rd'");
    expect(quote('a\x00b\x1bc\x7f')).toBe("'a\\x00b\\x1bc\\x7f'");
    expect(quote('a\u2028b')).toBe("'a\\u{2028}b'");
  });
});

describe('quote: bounded length', () => {
  it('keeps values of up to 64 characters whole', () => {
    expect(quote('x'.repeat(64))).toBe(`'${'x'.repeat(64)}'`);
  });
  it('cuts longer values to 64 characters and an ellipsis', () => {
    expect(quote('x'.repeat(65))).toBe(`'${'x'.repeat(64)}…'`);
    const huge = 'y'.repeat(3 * 1024 * 1024);
    expect(quote(huge)).toBe(`'${'y'.repeat(64)}…'`);
  });
  it('cuts before escaping, so the escapes of a long value stay whole', () => {
    expect(quote('\n'.repeat(100))).toBe(`'${'\\n'.repeat(64)}…'`);
  });
  it('never splits a surrogate pair', () => {
    const value = `${'a'.repeat(63)}😀tail`;
    expect(quote(value)).toBe(`'${'a'.repeat(63)}…'`);
  });
});

describe('element / position', () => {
  it('renders present attributes in order', () => {
    expect(
      element('range', [
        ['start', '10.0.0.2'],
        ['end', '10.0.1.9'],
      ]),
    ).toBe("<range start='10.0.0.2' end='10.0.1.9'>");
    expect(
      element('ip', [
        ['family', undefined],
        ['address', '10.0.0.1'],
        ['prefix', 24],
      ]),
    ).toBe("<ip address='10.0.0.1' prefix='24'>");
    expect(element('dhcp')).toBe('<dhcp>');
  });
  it('adds line:column when known', () => {
    expect(position({ line: 7, col: 7 })).toBe(' (line 7:7)');
    expect(position(undefined)).toBe('');
  });
});

describe('problemCollector', () => {
  it('builds the one-line message with network, element and position, and keeps the rule id', () => {
    const { problems, report } = problemCollector({ name: 'lab' });
    report(
      'dhcp.range-outside-subnet',
      "<range start='10.0.0.2' end='10.0.1.9'>",
      { line: 7, col: 7 },
      'is not entirely within 10.0.0.0/24',
    );
    report('bridge.name-invalid', '<bridge>', undefined, 'is odd');
    expect(problems).toEqual([
      {
        code: 'validation',
        rule: 'dhcp.range-outside-subnet',
        network: 'lab',
        at: { line: 7, col: 7 },
        message:
          "network 'lab': <range start='10.0.0.2' end='10.0.1.9'> (line 7:7) is not entirely within 10.0.0.0/24",
      },
      {
        code: 'validation',
        rule: 'bridge.name-invalid',
        network: 'lab',
        message: "network 'lab': <bridge> is odd",
      },
    ]);
  });
  it('escapes a hostile network name', () => {
    const { problems, report } = problemCollector({ name: "x'\n; rm -rf /" });
    report('name.slash', '<name>', undefined, 'is bad');
    expect(problems[0]?.message).toBe("network 'x\\'\\n; rm -rf /': <name> is bad");
    expect(problems[0]?.network).toBe("x'\n; rm -rf /");
  });
});
