import { describe, expect, it } from 'vitest';
import { verbs } from '../../../cli/verbs/index.js';
import { loadVerb, verbModules } from '../../../cli/verbs/verb-modules.js';

describe('per-verb lazy loading', () => {
  it('knows the module of every verb help lists, and of no other', () => {
    expect(Object.keys(verbModules).sort()).toEqual(verbs.map((v) => v.name).sort());
  });

  it('loads each verb by name as the same object help lists', async () => {
    for (const v of verbs) expect(await loadVerb(v.name)).toBe(v);
  });

  it('finds nothing for an unknown name, including inherited keys', async () => {
    expect(await loadVerb('net-nope')).toBeUndefined();
    expect(await loadVerb('toString')).toBeUndefined();
  });
});
