// The `tc` tool, for the qdiscs and classes of <bandwidth>.
import { CommandError, runCommand } from './run-command.js';

export const TC_BINARY = 'tc';

export async function runTc(args: string[]): Promise<string> {
  return runCommand(TC_BINARY, args);
}

/**
 * True when tc said there is nothing to delete: no such device, or no such qdisc
 * (deleting a root qdisc that was never added reads "handle of zero").
 */
export function isTcAbsentError(err: unknown): boolean {
  if (!(err instanceof CommandError)) return false;
  return /Cannot find device|No such file or directory|handle of zero|Invalid handle/i.test(err.stderr);
}
