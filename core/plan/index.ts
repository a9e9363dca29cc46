// Start and stop plans: ordered host operations, each step with its undo.

export { aliasOwner, bridgeAlias } from './bridge-alias.js';
export { networkSubnets } from './check-collisions.js';
export { dnsmasqArgs } from './dnsmasq-step.js';
export { firewallTable } from './firewall-step.js';
export { describeOp, formatPlan, type PlanJson, planJson } from './format-plan.js';
export { forwardingSysctls, IPV4_FORWARDING, IPV6_FORWARDING } from './forwarding-step.js';
export type { ActiveNetworkFacts, HostChainFacts, HostFacts, HostRoute } from './host-facts.js';
export { neededHostRules } from './host-firewall-step.js';
export {
  type HostOp,
  type Intent,
  type Plan,
  type PlannedStatus,
  START_STEP_IDS,
  STOP_STEP_IDS,
  type Step,
  type StepId,
} from './host-op.js';
export { intentStep } from './intent-step.js';
export { managedMode } from './managed-mode.js';
export { DEFAULT_DNSMASQ_BINARY, type PlanContext } from './plan-context.js';
export type { PlanProblem, PlanResult } from './plan-problem.js';
export { planStart } from './plan-start.js';
export { planStop, type StopContext, type StopSubject } from './plan-stop.js';
