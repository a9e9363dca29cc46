// net-edit: the saved definition in $VISUAL/$EDITOR, re-validated on save. A bad edit
// is refused, the edited file is kept and its path given, so no work is lost.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileStem } from '../../core/names/file-stem.js';
import { HostError } from '../../host/host-error.js';
import { operand, parseArgs } from '../args.js';
import { fail } from '../cli-error.js';
import { openRegistry, withControl } from '../open-registry.js';
import { readInputFile } from '../read-definition-file.js';
import type { Verb } from './verb.js';

export const netEdit: Verb = {
  name: 'net-edit',
  usage: 'net-edit [--network] NET',
  summary: 'edit the saved definition in $VISUAL or $EDITOR',
  async run(argv, io) {
    const r = openRegistry(io.env);
    const name = r.resolve(
      operand('net-edit', parseArgs('net-edit', argv, { values: ['network'] }), 'network'),
    );
    const original = r.dumpXml(name, true);
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-edit-'));
    const file = join(dir, `${fileStem(name)}.xml`);
    writeFileSync(file, original);
    const editor = io.env.VISUAL || io.env.EDITOR || 'vi';
    // The editor is a program name, run without a shell; its arguments are not split.
    const ran = spawnSync(editor, [file], { stdio: 'inherit' });
    if (ran.error || ran.status !== 0) fail(`editor '${editor}' failed; your edit is kept in ${file}`);
    const edited = new TextDecoder().decode(readInputFile(file));
    if (edited === original) {
      rmSync(dir, { recursive: true, force: true });
      io.out(`Network ${name} XML configuration not changed.\n\n`);
      return;
    }
    try {
      await withControl(io.env, (control) => control.define(edited));
    } catch (err) {
      if (err instanceof HostError) fail(`${err.message}; your edit is kept in ${file}`);
      throw err;
    }
    rmSync(dir, { recursive: true, force: true });
    io.out(`Network ${name} XML configuration edited.\n\n`);
  },
};
