// The Health strip's one-line status, from the latest report (or none yet).
import type { HealthReportData } from '../../../../contract/ipc.js';

export type HealthTone = 'ok' | 'problem' | 'unknown';

export function healthSummary(report: HealthReportData | undefined): { text: string; tone: HealthTone } {
  if (!report) return { text: 'not checked yet', tone: 'unknown' };
  const n = report.findings.length;
  if (n > 0) return { text: n === 1 ? '1 problem' : `${n} problems`, tone: 'problem' };
  if (!report.complete) return { text: 'the host firewall was not checked', tone: 'unknown' };
  return { text: 'everything holds', tone: 'ok' };
}
