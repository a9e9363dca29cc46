// Every SWITCHYARD_* variable the code reads from an environment has its row in
// CONTRIBUTING.md's table, and the table names nothing the code no longer reads: a
// variable nobody can find is a switch nobody can use or audit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS, ROOT, sourceFiles } from './source-files.js';

// `env.X`, `process.env.X`, `env['X']`: a read, not a constant that happens to share the prefix.
const READ = /\benv(?:\.|\[['"])(SWITCHYARD_[A-Z0-9_]+)/g;
const DOC_ROW = /^\| `(SWITCHYARD_[A-Z0-9_]+)[`=]/gm;

function variablesRead(): string[] {
  const names = new Set<string>();
  for (const file of LAYERS.flatMap((layer) => sourceFiles(layer, true))) {
    for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(READ)) names.add(m[1]!);
  }
  return [...names].sort();
}

function variablesDocumented(): string[] {
  const text = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
  return [...new Set([...text.matchAll(DOC_ROW)].map((m) => m[1]!))].sort();
}

describe('environment variables', () => {
  it('CONTRIBUTING.md has one row for each variable the code reads, and no others', () => {
    expect(variablesRead().length).toBeGreaterThan(5);
    expect(variablesDocumented()).toEqual(variablesRead());
  });
});
