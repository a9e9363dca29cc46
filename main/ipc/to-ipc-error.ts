// Errors cross the boundary as data with a code from the closed list. A HostError
// (or anything else carrying a known code, such as the helper client's errors) keeps
// its code; everything else is `internal`, with the stack left in main's log.
import { type ErrorCode, errorCodes, type IpcError } from '../../contract/ipc.js';
import type { ErrorCode as HostErrorCode } from '../../host/host-error.js';

// The host's list and the contract's list must stay the same list.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameCodes: Same<ErrorCode, HostErrorCode> = true;
void sameCodes;

const known = new Set<string>(errorCodes);

export function toIpcError(err: unknown): IpcError {
  if (typeof err === 'object' && err !== null) {
    const { code, message, detail } = err as { code?: unknown; message?: unknown; detail?: unknown };
    if (typeof code === 'string' && known.has(code) && typeof message === 'string') {
      return { code: code as ErrorCode, message, ...(typeof detail === 'string' ? { detail } : {}) };
    }
  }
  console.error('switchyard: unexpected error in a handler:', err);
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: message.split('\n')[0] || 'internal error' };
}
