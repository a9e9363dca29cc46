import { readFileSync } from 'node:fs';
import { readNetworkDefinition } from '../core/definition.js';
import type { NetworkDef } from '../core/model/network.js';
import { fail } from './cli-error.js';

/** Reads, parses and validates a definition file; the message names the file on I/O errors. */
export function readDefinitionFile(path: string): NetworkDef {
  let bytes: Uint8Array;
  try {
    bytes = path === '-' ? readFileSync(0) : readFileSync(path);
  } catch (err) {
    fail(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const result = readNetworkDefinition(bytes);
  if (!result.ok) fail(result.error.message);
  return result.value;
}
