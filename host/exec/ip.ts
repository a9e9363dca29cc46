// The `ip` tool. Several commands go to one `ip -batch -` process when their words
// are safe to write on a batch line: each process start costs ~6 ms and net-start
// should take well under 100 ms.
import { CommandError, commandText, firstLine, runCommand } from './run-command.js';

export const IP_BINARY = 'ip';

export async function runIp(args: string[]): Promise<string> {
  return runCommand(IP_BINARY, args);
}

/** True when `ip` said the object is already gone (for undo and stop). */
export function isAbsentError(err: unknown): boolean {
  if (!(err instanceof CommandError)) return false;
  return /Cannot find device|does not exist|No such (device|process|file)|Cannot assign requested address|address not found|ESRCH|ENODEV/i.test(
    err.stderr,
  );
}

/** Words ip's batch reader splits the same way we do: no blanks, quotes, '#' or backslashes. */
function batchSafe(args: string[]): boolean {
  return args.every((a) => a !== '' && !/[\s"'#\\]/.test(a));
}

/**
 * Runs the commands in order and stops at the first failure, naming the failing
 * command. Returns the stdout of the batch (one JSON document per line with -json).
 */
export async function runIpBatch(commands: string[][], globalArgs: string[] = []): Promise<string> {
  if (commands.length === 1 || !commands.every(batchSafe)) {
    let out = '';
    for (const [i, args] of commands.entries()) {
      try {
        out += await runIp([...globalArgs, ...args]);
      } catch (err) {
        if (err instanceof CommandError) throw new BatchError(err.message, err.stderr, i);
        throw err;
      }
    }
    return out;
  }
  const input = `${commands.map((c) => c.join(' ')).join('\n')}\n`;
  try {
    return await runCommand(IP_BINARY, [...globalArgs, '-batch', '-'], { input });
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    const line = /Command failed -:(\d+)/.exec(err.stderr)?.[1];
    const failed = commands[Number(line ?? 1) - 1] ?? commands[0] ?? [];
    throw new BatchError(
      `${commandText(IP_BINARY, failed)} failed: ${firstLine(err.stderr)}`,
      err.stderr,
      Number(line ?? 1) - 1,
    );
  }
}

/** A batch failure that also says how many commands ran before the failing one. */
export class BatchError extends CommandError {
  constructor(
    message: string,
    stderr: string,
    readonly completed: number,
  ) {
    super(message, stderr);
  }
}
