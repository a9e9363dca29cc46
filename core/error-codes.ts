// The closed list of error codes every boundary carries (the CLI's exit, the helper's
// answer, main's IPC reply), written once here because both the host layer that raises
// them and the contracts that check them on the wire import core, and neither imports
// the other. Each is explained in docs/errors.md.
export const ERROR_CODES = [
  'invalid-input',
  'xml-parse',
  'validation',
  'not-found',
  'conflict',
  'access-denied',
  'auth-cancelled',
  'helper-unavailable',
  'host-op-failed',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
