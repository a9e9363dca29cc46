import { describe, expect, it } from 'vitest';
import { changeUnderneath } from '../../../renderer/src/features/xml-editor/underneath.js';

describe('a definition that changes under an open editor', () => {
  it('changes nothing when the saved text is still the one the editor started from', () => {
    expect(changeUnderneath('a', 'a', 'mine')).toBe('unchanged');
  });
  it('follows the new text when the user has not edited', () => {
    expect(changeUnderneath('a', 'b', 'a')).toBe('follow');
  });
  it('follows when the new saved text is exactly what the user typed', () => {
    expect(changeUnderneath('a', 'b', 'b')).toBe('follow');
  });
  it('asks when the user has edits and the saved text changed to something else', () => {
    expect(changeUnderneath('a', 'b', 'mine')).toBe('ask');
  });
});
