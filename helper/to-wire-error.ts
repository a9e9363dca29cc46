// Anything a request throws becomes one error from the closed list. Host errors keep
// their code; a busy lock is a conflict the user can retry; anything else is
// `internal` (Cockpit's rule: when in doubt, internal), with its text as the message.
import type { WireError } from '../contract/helper.js';
import { HostError } from '../host/host-error.js';
import { LockTimeoutError } from '../host/state/lock.js';

export function toWireError(err: unknown): WireError {
  if (err instanceof HostError) {
    const out: WireError = { code: err.code, message: oneLine(err.message) };
    if (err.detail !== undefined) out.detail = err.detail;
    return out;
  }
  if (err instanceof LockTimeoutError) return { code: 'conflict', message: oneLine(err.message) };
  return { code: 'internal', message: oneLine(err instanceof Error ? err.message : String(err)) };
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ');
