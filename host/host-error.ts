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

/** libvirt's wording (virsh prints it for a name or UUID that matches nothing). */
export const notFound = (what: string): HostError =>
  new HostError('not-found', `Network not found: no network with matching name '${what}'`);
