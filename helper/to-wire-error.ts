// Anything a request throws becomes one error from the closed list. Host errors keep
// their code (a busy lock is a HostError 'conflict' the user can retry); anything else is
// `internal` (Cockpit's rule: when in doubt, internal), with its text as the message.
// Messages are one line and bounded: a hostile request must not make the helper echo
// megabytes of its own input back (or into the log).
import type { WireError } from '../contract/helper.js';
import { HostError } from '../host/host-error.js';

const MAX_MESSAGE = 1000;

export function toWireError(err: unknown): WireError {
  if (err instanceof HostError) {
    const out: WireError = { code: err.code, message: bounded(err.message) };
    if (err.detail !== undefined) out.detail = bounded(err.detail, 4 * MAX_MESSAGE);
    return out;
  }
  return { code: 'internal', message: bounded(err instanceof Error ? err.message : String(err)) };
}

export function bounded(text: string, max = MAX_MESSAGE): string {
  const line = text.replace(/\s*\n\s*/g, ' ');
  return line.length > max ? `${line.slice(0, max)}… (${line.length - max} more characters)` : line;
}
