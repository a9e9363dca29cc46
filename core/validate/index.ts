// The checks a definition passes before anything is saved or started.

export { networkNameProblem } from './name-rules.js';
export { validateNetwork } from './validate-network.js';
