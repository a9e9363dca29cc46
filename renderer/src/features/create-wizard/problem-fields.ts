// Core checks the XML the wizard generates and names the element at fault by its
// line. The wizard prints one element per line, so the line says which field the
// problem belongs to, and the form shows core's message (the CLI's) right there,
// not only under the XML preview.
import type { Problem } from '../../../../core/result.js';

export type Field = 'name' | 'mode' | 'subnet' | 'range' | 'hosts' | 'ipv6' | 'domain';

export interface PlacedProblem {
  field: Field;
  problem: Problem;
  /** For a static host: which one, counting the <host> elements of the XML from 0. */
  host?: number;
}

const FIELD_OF_TAG: Record<string, Field> = {
  // Core places <name> problems on <network> (and the wizard writes no uuid or title).
  network: 'name',
  name: 'name',
  forward: 'mode',
  domain: 'domain',
  dhcp: 'range',
  range: 'range',
  host: 'hosts',
};

/** Where each problem goes; problems on other lines (none the wizard writes) are left out. */
export function placeProblems(xml: string, problems: readonly Problem[]): PlacedProblem[] {
  const lines = xml.split('\n');
  const placed: PlacedProblem[] = [];
  for (const problem of problems) {
    const index = (problem.at?.line ?? 0) - 1;
    const line = lines[index];
    const tag = line && /^\s*<([A-Za-z][\w:-]*)/.exec(line)?.[1];
    if (!tag) continue;
    const field = tag === 'ip' ? (/family=['"]ipv6['"]/.test(line) ? 'ipv6' : 'subnet') : FIELD_OF_TAG[tag];
    if (!field) continue;
    const host = tag === 'host' ? hostsBefore(lines, index) : undefined;
    placed.push(host === undefined ? { field, problem } : { field, problem, host });
  }
  return placed;
}

function hostsBefore(lines: readonly string[], index: number): number {
  let n = 0;
  for (let i = 0; i < index; i++) if (/^\s*<host\b/.test(lines[i] ?? '')) n++;
  return n;
}
