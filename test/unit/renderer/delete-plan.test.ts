import { describe, expect, it } from 'vitest';
import { deletePlan } from '../../../renderer/src/features/networks/delete-plan.js';

describe('delete plan', () => {
  it('stops a running persistent network before deleting it', () => {
    expect(deletePlan({ name: 'a', active: true, persistent: true }).steps).toEqual(['stop', 'undefine']);
  });
  it('only stops a transient one (stopping deletes it)', () => {
    const p = deletePlan({ name: 't', active: true, persistent: false });
    expect(p.steps).toEqual(['stop']);
    expect(p.body).toMatch(/transient/);
  });
  it('only undefines a stopped one', () => {
    expect(deletePlan({ name: 'a', active: false, persistent: true }).steps).toEqual(['undefine']);
  });
});
