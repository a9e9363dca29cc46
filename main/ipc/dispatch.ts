// The one place a request from the renderer meets main: check the channel and the
// arguments against the contract, run the handler, and answer with data — never a
// thrown Error — so Electron IPC and the web shell reply the same way.
import {
  type Channel,
  channels,
  type Input,
  type IpcError,
  isChannel,
  type Output,
  type Reply,
} from '../../contract/ipc.js';
import { toIpcError } from './to-ipc-error.js';

/** A handler for every channel: a channel without one does not compile. */
export type Handlers = { [C in Channel]: (input: Input<C>) => Promise<Output<C>> | Output<C> };

export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  input: unknown,
): Promise<Reply<unknown>> {
  if (!isChannel(channel))
    return fail({ code: 'invalid-input', message: `unknown channel ${JSON.stringify(channel)}` });
  const parsed = channels[channel].input.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return fail({
      code: 'invalid-input',
      message: `${channel}: ${issue?.message ?? 'invalid arguments'}${where}`,
    });
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown> | unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    return fail(toIpcError(err));
  }
}

const fail = (error: IpcError): Reply<never> => ({ ok: false, error });
