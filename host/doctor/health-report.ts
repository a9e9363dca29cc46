// What the doctor found: every condition that stops a network from doing what its
// mode promises, each with its cause, the evidence read from the host, and the fix.
// `repair` names the fix Switchyard can apply itself, because it only touches what
// is ours or what the network's own start sets (switchyard doctor --fix, the app's
// button): 'restore' is reconcile (our rules, table, dnsmasq, NetworkManager entry),
// 'ip-forward' turns forwarding back on for the networks that need it.
export type RepairAction = 'restore' | 'ip-forward';

export interface Finding {
  /** Stable for one condition, e.g. 'host-chain:nat:ipv4:FORWARD'. */
  id: string;
  network?: string;
  /** 'error': the network does not work as promised now; 'warning': it may not start or keep working. */
  severity: 'error' | 'warning';
  title: string;
  cause: string;
  evidence: string[];
  fix: string;
  /** Commands an administrator can run for the fix, when there are exact ones. */
  commands?: string[];
  repair?: RepairAction;
}

export interface HealthReport {
  /** True only when every check ran and nothing was found. */
  ok: boolean;
  /** False when checks that need root (firewall rules) could not run. */
  complete: boolean;
  /** What was checked, e.g. "network 'nat' (nat, active)". */
  checked: string[];
  findings: Finding[];
}

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
