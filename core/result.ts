// core's one problem type: what is wrong with a definition, or why it cannot start here,
// as data; every layer (CLI, helper, IPC) shows it the same way. 'conflict': something on
// the host already uses its bridge name or subnet; 'unsupported': a mode or host feature
// Switchyard does not run.
import type { Pos } from './model/pos.js';
import type { RuleId } from './validate/rule-ids.js';

export type ProblemCode = 'xml-parse' | 'validation' | 'conflict' | 'unsupported';

export interface Problem {
  code: ProblemCode;
  /** Which validation rule refused the definition: stable across releases, listed in docs/errors.md. */
  rule?: RuleId;
  /** One line, already naming network, element, attribute and value, with line:column. */
  message: string;
  network?: string;
  at?: Pos;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Problem };

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
