// Reading a definition = parse (syntax, structure, attribute types) then validate
// (libvirt's semantic checks plus ours). CLI, helper and renderer all call this one.
import type { NetworkDef } from './model/network.js';
import type { Result } from './result.js';
import { validateNetwork } from './validate/validate-network.js';
import { parseNetworkXml } from './xml/parse-network.js';

export function readNetworkDefinition(source: string | Uint8Array): Result<NetworkDef> {
  const parsed = parseNetworkXml(source);
  if (!parsed.ok) return parsed;
  const problems = validateNetwork(parsed.value);
  const first = problems[0];
  return first ? { ok: false, error: first } : parsed;
}
