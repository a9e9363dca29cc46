import { describe, expect, it } from 'vitest';
import { NameCache } from '../../../core/xml/name-cache.js';

describe('NameCache', () => {
  it('returns the text between the offsets, the same string for the same name', () => {
    const cache = new NameCache();
    const text = '<host mac=x/><host mac=y/>';
    const first = cache.get(text, 1, 5);
    expect(first).toBe('host');
    expect(cache.get(text, 14, 18)).toBe('host');
    expect(cache.get(text, 6, 9)).toBe('mac');
  });
  it('is never fooled by names that share a slot', () => {
    const cache = new NameCache();
    // Same length, first and last character: the likeliest names to share a slot.
    const names = ['abxd', 'acxd', 'abyd', 'a--d', 'abxd', 'acxd'];
    const text = names.join(' ');
    let offset = 0;
    for (const name of names) {
      expect(cache.get(text, offset, offset + name.length)).toBe(name);
      offset += name.length + 1;
    }
  });
});
