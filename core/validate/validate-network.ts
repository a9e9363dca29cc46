import type { NetworkDef } from '../model/network.js';
import type { Problem } from '../result.js';

export function validateNetwork(_def: NetworkDef): Problem[] {
  return [];
}
