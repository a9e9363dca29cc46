// switchyard doctor [NET] [--json] [--fix]: every condition that stops a network
// from working as its mode promises, with cause, evidence and fix. Exit status 0
// only when every check ran and found nothing. It reads the host as it finds it (no
// reconcile first: that would repair, and so hide, what it is asked to report). The
// firewall can only be read as root, so a user's doctor asks the root helper.
import { formatReport, type HealthReport, type RepairAction } from '../../host/doctor/index.js';
import { parseArgs } from '../args.js';
import { withControl } from '../open-registry.js';
import type { Verb } from './verb.js';

export const doctor: Verb = {
  name: 'doctor',
  diagnoses: true,
  usage: 'doctor [NET] [--json] [--fix]',
  summary:
    "say what stops the networks (or NET) from working, and how to fix it; --fix applies Switchyard's safe fixes",
  async run(argv, io) {
    const args = parseArgs('doctor', argv, { operands: ['network'], flags: ['json', 'fix'] });
    const net = args.values.get('network');
    const report = await withControl(io.env, async (control) => {
      const found = await control.doctor(net);
      const actions = repairsIn(found);
      return args.flags.has('fix') && actions.length ? control.repair(actions, net) : found;
    });
    io.out(args.flags.has('json') ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    return report.ok ? 0 : 1;
  },
};

function repairsIn(report: HealthReport): RepairAction[] {
  return [...new Set(report.findings.flatMap((f) => (f.repair ? [f.repair] : [])))];
}
