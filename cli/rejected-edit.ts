// Where net-edit keeps an edit it could not apply, so the work is not lost: the
// user's state directory (XDG_STATE_HOME, else ~/.local/state), which outlives the
// temporary directory the editor ran in; only if that cannot be written, one file
// in the temporary directory.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileStem } from '../core/names/index.js';

export function rejectedEditsDir(env: NodeJS.ProcessEnv): string | undefined {
  const base = env.XDG_STATE_HOME || (env.HOME ? join(env.HOME, '.local', 'state') : undefined);
  return base === undefined ? undefined : join(base, 'switchyard', 'rejected-edits');
}

/** Saves TEXT as NAME-<UTC time>.xml, readable by the user only: its path, or why not. */
export function keepRejectedEdit(
  env: NodeJS.ProcessEnv,
  name: string,
  text: string,
  now = new Date(),
): { path: string } | { problem: string } {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const file = `${fileStem(name)}-${stamp}.xml`;
  const dir = rejectedEditsDir(env);
  const problems: string[] = [];
  const places = [
    ...(dir ? [{ dir, path: join(dir, file) }] : []),
    { dir: undefined, path: join(tmpdir(), `switchyard-rejected-edit-${file}`) },
  ];
  for (const place of places) {
    try {
      if (place.dir) mkdirSync(place.dir, { recursive: true, mode: 0o700 });
      // 'wx': never write through a file (or link) someone else put there.
      writeFileSync(place.path, text, { mode: 0o600, flag: 'wx' });
      return { path: place.path };
    } catch (err) {
      problems.push(`${place.path}: ${(err as NodeJS.ErrnoException).code ?? err}`);
    }
  }
  return { problem: `cannot write ${problems.join(', ')}` };
}
