// Calling main through window.api: a failed reply becomes an ApiError that keeps the
// code, message and detail, so the UI can give advice by code.
import type { Channel, Input, IpcError, Output } from '../../../contract/ipc.js';

export class ApiError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
  }
}

export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const reply = await window.api.invoke(channel, input);
  if (!reply.ok) throw new ApiError(reply.error);
  return reply.value;
}

export function errorOf(err: unknown): IpcError {
  if (err instanceof ApiError) return err.error;
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
