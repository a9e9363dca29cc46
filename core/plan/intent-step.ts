// The first step that touches anything records what the plan is about to do; the
// last step of the plan removes the record again (see Intent). A start's rollback
// removes it too, last, after everything else is undone. A stop has no undo: when
// one of its steps fails the record stays, and reconcile finishes the stop.
import type { Intent, Step } from './host-op.js';

export function intentStep(intent: Intent): Step {
  const objects = [
    `bridge ${intent.bridge}`,
    ...(intent.table ? [`table inet ${intent.table}`] : []),
    ...(intent.hostRules?.length ? [`${intent.hostRules.length} host iptables rule(s)`] : []),
  ];
  return {
    id: 'intent',
    title: `record the intent to ${intent.action} (${objects.join(', ')})`,
    do: [{ op: 'write-intent', intent }],
    undo: intent.action === 'start' ? [{ op: 'remove-intent', name: intent.name }] : [],
  };
}
