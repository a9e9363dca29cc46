// docs/errors.md is where a user looks a refusal up, so it must list exactly the
// error codes the contracts carry and exactly the validation rules core can fire:
// a code or rule added in code without a line in the doc (or a stale line left
// behind) fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../contract/ipc.js';
import { VALIDATION_RULES } from '../../../core/validate/rule-ids.js';

const ROOT = new URL('../../../', import.meta.url);
const doc = readFileSync(new URL('docs/errors.md', ROOT), 'utf8');

/** The first-column `ids` of the table under the heading that starts with `heading`. */
function tableIds(heading: string): string[] {
  const start = doc.split('\n').findIndex((line) => line.startsWith(heading));
  if (start < 0) throw new Error(`docs/errors.md has no heading '${heading}'`);
  const rest = doc.split('\n').slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith('#'));
  const section = end < 0 ? rest : rest.slice(0, end);
  return section.flatMap((line) => /^\| `([^`]+)` \|/.exec(line)?.[1] ?? []);
}

/** Every quoted string in core that is the first argument of report() or finding(). */
function rulesUsedInCore(): Set<string> {
  const dir = new URL('core/', ROOT).pathname;
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const used = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/\b(?:finding|report)\(\s*'([a-z0-9.-]+)'/g)) used.add(m[1]!);
  }
  return used;
}

describe('docs/errors.md', () => {
  it('lists every error code of the contracts, once, in their order', () => {
    expect(tableIds('# Error codes')).toEqual([...errorCodes]);
  });
  it('lists every validation rule id, once, sorted', () => {
    expect(tableIds('## Validation rules')).toEqual([...VALIDATION_RULES].sort());
  });
  it('lists no rule id that core never reports', () => {
    expect([...rulesUsedInCore()].sort()).toEqual([...VALIDATION_RULES].sort());
  });
});
