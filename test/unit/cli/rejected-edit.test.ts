import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepRejectedEdit } from '../../../cli/rejected-edit.js';

const dirs: string[] = [];
const scratch = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'sy-rejected-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('a refused net-edit keeps the edit', () => {
  const at = new Date('2025-03-04T05:06:07.890Z');

  it('in the user state directory, readable by the user only', () => {
    const state = scratch();
    const kept = keepRejectedEdit({ XDG_STATE_HOME: state }, 'my lab', '<network/>', at);
    expect(kept).toEqual({
      path: join(state, 'switchyard', 'rejected-edits', 'my%20lab-20250304T050607Z.xml'),
    });
    if (!('path' in kept)) throw new Error('not kept');
    expect(readFileSync(kept.path, 'utf8')).toBe('<network/>');
    expect(statSync(kept.path).mode & 0o777).toBe(0o600);
  });

  it('under ~/.local/state without XDG_STATE_HOME', () => {
    const home = scratch();
    expect(keepRejectedEdit({ HOME: home }, 'lab', 'x', at)).toEqual({
      path: join(home, '.local', 'state', 'switchyard', 'rejected-edits', 'lab-20250304T050607Z.xml'),
    });
  });
});
