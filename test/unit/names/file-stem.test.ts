import { describe, expect, it } from 'vitest';
import { fileStem, nameFromFileStem } from '../../../core/names/file-stem.js';

describe('network names as file names', () => {
  const hostile = [
    'default"with"quotes"',
    'a b;c',
    '../etc/passwd',
    '.',
    '..',
    'x\ny',
    '$(reboot)',
    'réseau',
    'a%2F',
  ];

  it.each(hostile)('maps %j to a plain file stem and back', (name) => {
    const stem = fileStem(name);
    expect(stem).toMatch(/^[A-Za-z0-9_+%-]+$/);
    expect(stem).not.toBe('.');
    expect(stem).not.toBe('..');
    expect(nameFromFileStem(stem)).toBe(name);
  });

  it('keeps ordinary names readable', () => {
    expect(fileStem('default')).toBe('default');
    expect(fileStem('lab-net_2')).toBe('lab-net_2');
  });

  it('never maps two names to the same stem', () => {
    const stems = new Set(hostile.map(fileStem));
    expect(stems.size).toBe(hostile.length);
  });
});
