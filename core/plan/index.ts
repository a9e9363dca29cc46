// Start and stop plans: ordered host operations, each step with its undo.

export { bandwidthStep, ifbNameFor, wantsIfb } from './bandwidth-step.js';
export { aliasOwner, bridgeAlias } from './bridge-alias.js';
export { checkCollisions, networkSubnets } from './check-collisions.js';
export { dnsmasqArgs, dnsmasqStep } from './dnsmasq-step.js';
export { firewallTable } from './firewall-step.js';
export { describeOp, formatPlan, type PlanJson, planJson } from './format-plan.js';
export { forwardingSysctls, IPV4_FORWARDING, IPV6_FORWARDING } from './forwarding-step.js';
export type { ActiveNetworkFacts, HostChainFacts, HostFacts, HostRoute, KernelFacts } from './host-facts.js';
export { neededHostRules } from './host-firewall-step.js';
export {
  type GuestObjects,
  type HostOp,
  type Intent,
  type Plan,
  type PlannedStatus,
  START_STEP_IDS,
  STOP_STEP_IDS,
  type Step,
  type StepId,
} from './host-op.js';
export { intentObjects, intentStep } from './intent-step.js';
export {
  ISOLATION_TABLE_PREFIX,
  isolationMethod,
  isolationStep,
  isolationTable,
  isolationTableName,
  wantsIsolation,
} from './isolation-step.js';
export { liveDefinition } from './live-definition.js';
export { managedMode } from './managed-mode.js';
export {
  DEFAULT_DNSMASQ_BINARY,
  DEFAULT_QEMU_ACL,
  type PlanContext,
  type QemuAclPaths,
} from './plan-context.js';
export { planStart } from './plan-start.js';
export { planStop, type StopContext, type StopSubject } from './plan-stop.js';
