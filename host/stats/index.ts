// Per-bridge traffic statistics for the app: the sampler and its types.
export { COARSE_BUCKET_SECONDS, COARSE_SECONDS, FINE_SECONDS, type HistoryView } from './bridge-history.js';
export { type CounterSource, ProcfsCounterSource, type ProcfsSourceOptions } from './counter-source.js';
export type { Rates } from './link-rates.js';
export type { RateColumns } from './rate-ring.js';
export {
  type BridgeSample,
  type LinkSample,
  type SampleListener,
  type SamplerOptions,
  StatsSampler,
} from './sampler.js';
