import { readNetworkDefinition } from '../../../../core/definition';

// The renderer lints with the very same core the CLI uses, so the messages match.
export function validateXml(source: string): string {
  const result = readNetworkDefinition(source);
  return result.ok ? 'valid' : result.error.message;
}
