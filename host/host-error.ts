// Errors the host layer raises carry a code from the closed list (core/error-codes.ts), so the
// CLI, the helper and the app report them the same way.
import type { ErrorCode } from '../core/error-codes.js';

export type { ErrorCode };

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
