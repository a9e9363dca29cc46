// The editor lints with the very same core the CLI uses, so a marker says exactly what
// `switchyard net-define` would say. Parsing stops at the first syntax error; the
// semantic checks report every problem they find.
import type { Pos } from '../../../../core/model/index.js';
import type { Problem } from '../../../../core/result.js';
import { validateNetwork } from '../../../../core/validate/index.js';
import { parseNetworkXml } from '../../../../core/xml/index.js';

export interface LintProblem {
  code: Problem['code'];
  message: string;
  /** 1-based, as in the message; line 1 column 1 when core gives no position. */
  at: Pos;
}

export function lintNetworkXml(source: string): LintProblem[] {
  const parsed = parseNetworkXml(source);
  if (!parsed.ok) return [toLint(parsed.error)];
  return validateNetwork(parsed.value).map(toLint);
}

const toLint = (p: Problem): LintProblem => ({
  code: p.code,
  message: p.message,
  at: p.at ?? { line: 1, col: 1 },
});

/** One line for a status bar: "valid", or the first problem and how many more. */
export function lintSummary(problems: readonly LintProblem[]): string {
  const [first, ...rest] = problems;
  if (!first) return 'valid';
  return rest.length ? `${first.message} (and ${rest.length} more)` : first.message;
}
