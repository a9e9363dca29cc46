// What the doctor found: every condition that stops a network from doing what its
// mode promises, each with its cause, the evidence read from the host, and the fix.
// `repair` names the fix Switchyard can apply itself, because it only touches what
// is ours or what the network's own start sets (switchyard doctor --fix, the app's
// button): 'restore' is reconcile (our rules, table, dnsmasq, NetworkManager entry),
// 'ip-forward' turns forwarding back on for the networks that need it.
import type { HealthFinding, HealthReportData, RepairAction } from '../../contract/ipc.js';

// The shapes are the helper protocol's (contract/ipc.ts), so they are written once.
export type { RepairAction };
export type Finding = HealthFinding;
export type HealthReport = HealthReportData;

export function healthReport(checked: string[], findings: Finding[], complete: boolean): HealthReport {
  return { ok: complete && findings.length === 0, complete, checked, findings };
}

export function formatReport(r: HealthReport): string {
  const lines: string[] = [];
  for (const f of r.findings) {
    lines.push(`${f.severity === 'error' ? 'problem' : 'warning'}: ${f.title}`);
    lines.push(`  cause:    ${f.cause}`);
    for (const e of f.evidence) lines.push(`  evidence: ${e}`);
    lines.push(`  fix:      ${f.fix}`);
    for (const c of f.commands ?? []) lines.push(`            ${c}`);
    if (f.repair) lines.push(`            (switchyard doctor --fix applies it)`);
  }
  if (!r.complete) lines.push('not checked: the host firewall (run as root, or let the helper check it)');
  const what = r.checked.length ? r.checked.join(', ') : 'no network';
  lines.push(
    r.findings.length === 0
      ? `${r.complete ? 'everything holds' : 'nothing wrong found so far'}: checked ${what}`
      : `${r.findings.length} problem(s) found; checked ${what}`,
  );
  return `${lines.join('\n')}\n`;
}
