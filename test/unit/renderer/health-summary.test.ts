// The Health strip's status line: a count of problems, "everything holds" only when the
// report is complete and empty, and a plain word before the first report.
import { describe, expect, it } from 'vitest';
import type { HealthFinding } from '../../../contract/ipc.js';
import { healthSummary } from '../../../renderer/src/features/health/health-summary.js';

const finding = {
  id: 'x',
  severity: 'error',
  title: 't',
  cause: 'c',
  evidence: [],
  fix: 'f',
} as HealthFinding;
const report = (findings: HealthFinding[], complete = true) => ({
  ok: complete && !findings.length,
  complete,
  checked: [],
  findings,
});

describe('healthSummary', () => {
  it('counts problems', () => {
    expect(healthSummary(report([finding]))).toEqual({ text: '1 problem', tone: 'problem' });
    expect(healthSummary(report([finding, { ...finding, id: 'y' }]))).toEqual({
      text: '2 problems',
      tone: 'problem',
    });
  });

  it('says everything holds only for a complete report without findings', () => {
    expect(healthSummary(report([]))).toEqual({ text: 'everything holds', tone: 'ok' });
    expect(healthSummary(report([], false))).toEqual({
      text: 'the host firewall was not checked',
      tone: 'unknown',
    });
    expect(healthSummary(undefined)).toEqual({ text: 'not checked yet', tone: 'unknown' });
  });
});
