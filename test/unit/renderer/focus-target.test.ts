import { describe, expect, it } from 'vitest';
import { focusTarget } from '../../../renderer/src/app/focus-target.js';

describe('where the focus goes after a create or a delete', () => {
  it('goes to the created row once the list shows it', () => {
    const req = { kind: 'created', name: 'lab' } as const;
    expect(focusTarget(req, { all: ['default'], shown: ['default'], selected: 'lab' })).toBeUndefined();
    expect(focusTarget(req, { all: ['default', 'lab'], shown: ['default', 'lab'], selected: 'lab' })).toEqual(
      {
        row: 'lab',
      },
    );
  });

  it('goes to New network when the search hides the created row', () => {
    const req = { kind: 'created', name: 'lab' } as const;
    expect(focusTarget(req, { all: ['default', 'lab'], shown: ['default'], selected: 'lab' })).toBe(
      'new-network',
    );
  });

  it('waits until the deleted row is gone and another is selected, then goes there', () => {
    const req = { kind: 'deleted', name: 'lab' } as const;
    const before = { all: ['default', 'lab'], shown: ['default', 'lab'], selected: 'lab' };
    expect(focusTarget(req, before)).toBeUndefined();
    expect(focusTarget(req, { all: ['default'], shown: ['default'], selected: 'lab' })).toBeUndefined();
    expect(focusTarget(req, { all: ['default'], shown: ['default'], selected: 'default' })).toEqual({
      row: 'default',
    });
  });

  it('goes to New network when the last network is deleted', () => {
    const req = { kind: 'deleted', name: 'lab' } as const;
    expect(focusTarget(req, { all: [], shown: [], selected: 'lab' })).toBe('new-network');
  });
});
