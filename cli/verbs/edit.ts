// net-edit: the saved definition in $VISUAL/$EDITOR, re-validated on save. The
// editor works on a file in a private temporary directory that is always removed;
// an edit that cannot be applied is first saved where the user can get it back
// (cli/rejected-edit.ts), and the error says where.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileStem } from '../../core/names/index.js';
import { HostError } from '../../host/host-error.js';
import { operand, parseArgs } from '../args.js';
import { fail } from '../cli-error.js';
import { openReads, withControl } from '../open-registry.js';
import { readInputFile } from '../read-definition-file.js';
import { keepRejectedEdit } from '../rejected-edit.js';
import type { Verb } from './verb.js';

export const netEdit: Verb = {
  name: 'net-edit',
  usage: 'net-edit [--network] NET',
  summary: 'edit the saved definition in $VISUAL or $EDITOR',
  async run(argv, io) {
    const r = openReads(io.env);
    const name = r.resolve(
      operand('net-edit', parseArgs('net-edit', argv, { operands: ['network'] }), 'network'),
    );
    const original = r.dumpXml(name, true);
    const edited = editInTempDir(io.env, name, original);
    if (edited.text === original) {
      if (edited.failure) fail(`${edited.failure}; nothing was changed`);
      io.out(`Network ${name} XML configuration not changed.\n\n`);
      return;
    }
    if (edited.failure) refuse(io.env, name, edited.text, edited.failure);
    try {
      await withControl(io.env, (control) => control.define(edited.text));
    } catch (err) {
      if (err instanceof HostError) refuse(io.env, name, edited.text, err.message);
      throw err;
    }
    io.out(`Network ${name} XML configuration edited.\n\n`);
  },
};

/** Runs the editor on a copy of ORIGINAL; the temporary directory is gone afterwards. */
function editInTempDir(
  env: NodeJS.ProcessEnv,
  name: string,
  original: string,
): { text: string; failure?: string } {
  const dir = mkdtempSync(join(tmpdir(), 'switchyard-edit-'));
  try {
    const file = join(dir, `${fileStem(name)}.xml`);
    writeFileSync(file, original, { mode: 0o600 });
    const editor = env.VISUAL || env.EDITOR || 'vi';
    // The editor is a program name, run without a shell; its arguments are not split.
    const ran = spawnSync(editor, [file], { stdio: 'inherit' });
    const text = new TextDecoder().decode(readInputFile(file));
    if (ran.error) return { text, failure: `editor '${editor}' failed: ${ran.error.message}` };
    if (ran.status !== 0) return { text, failure: `editor '${editor}' exited with status ${ran.status}` };
    return { text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function refuse(env: NodeJS.ProcessEnv, name: string, text: string, reason: string): never {
  const kept = keepRejectedEdit(env, name, text);
  fail(
    'path' in kept
      ? `${reason}; your edit is saved in ${kept.path}`
      : `${reason}; your edit is lost: ${kept.problem}`,
  );
}
