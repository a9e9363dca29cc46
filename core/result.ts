// A definition problem as data: every layer (CLI, helper, IPC) shows it the same way.
import type { Pos } from './model/pos.js';

export type ProblemCode = 'xml-parse' | 'validation';

export interface Problem {
  code: ProblemCode;
  /** One line, already naming network, element, attribute and value, with line:column. */
  message: string;
  network?: string;
  at?: Pos;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Problem };

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
