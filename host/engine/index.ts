// host/engine: starts and stops networks for real by executing core/plan's plans.
export { createEngine } from './engine.js';
export { type EngineContext, planContextFor } from './engine-context.js';
export { type ExecuteOptions, type ExecuteResult, executePlan, type StepTiming } from './execute-plan.js';
export { readHostFacts } from './host-facts.js';
export { type ReconcileReport, reconcile } from './reconcile.js';
export { planNetworkStart, type StartOptions, type StartResult, startNetwork } from './start-network.js';
export { type StopTarget, stopNetwork, stopNetworkByName, stopPlanFor } from './stop-network.js';
