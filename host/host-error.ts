// Errors the host layer raises carry a code from the closed list in docs/errors.md, so the CLI,
// the helper and the app report them the same way.
export type ErrorCode =
  | 'invalid-input'
  | 'xml-parse'
  | 'validation'
  | 'not-found'
  | 'conflict'
  | 'access-denied'
  | 'auth-cancelled'
  | 'helper-unavailable'
  | 'host-op-failed'
  | 'internal';

export class HostError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string): HostError =>
  new HostError('not-found', `network '${what}' not found`);
