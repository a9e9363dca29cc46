// The first step that touches anything records what the plan is about to do; the
// last step of the plan removes the record again (see Intent). A start's rollback
// removes it too, last, after everything else is undone. A stop has no undo: when
// one of its steps fails the record stays, and reconcile finishes the stop.
import type { Intent, Step } from './host-op.js';

/** What the record names, for people: the bridge, its tables, the IFB, the access list line. */
export function intentObjects(intent: Intent): string[] {
  const g = intent.guests;
  return [
    `bridge ${intent.bridge}`,
    ...(intent.table ? [`table inet ${intent.table}`] : []),
    ...(intent.hostRules?.length ? [`${intent.hostRules.length} host iptables rule(s)`] : []),
    ...(g?.isolationTable ? [`table ${g.isolationTable}`] : []),
    ...(g?.ifb ? [g.ifb] : []),
    ...(g?.qemuAcl ? [`allow ${intent.bridge} in ${g.qemuAcl}`] : []),
  ];
}

export function intentStep(intent: Intent): Step {
  const objects = intentObjects(intent);
  return {
    id: 'intent',
    title: `record the intent to ${intent.action} (${objects.join(', ')})`,
    do: [{ op: 'write-intent', intent }],
    undo: intent.action === 'start' ? [{ op: 'remove-intent', name: intent.name }] : [],
  };
}
