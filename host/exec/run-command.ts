// Every host command goes through execFile: arguments are passed as an array and
// never through a shell. A failure becomes one line naming the command and the
// tool's own complaint, e.g. "ip link add name virbr0 type bridge failed: RTNETLINK answers: File exists".
import { execFile } from 'node:child_process';
import { HostError } from '../host-error.js';

export class CommandError extends HostError {
  constructor(
    message: string,
    readonly stderr: string,
  ) {
    super('host-op-failed', message, stderr || undefined);
  }
}

export interface RunOptions {
  input?: string;
  timeoutMs?: number;
}

export function runCommand(file: string, args: string[], opts: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      { encoding: 'utf8', timeout: opts.timeoutMs ?? 30_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        reject(
          new CommandError(`${commandText(file, args)} failed: ${firstLine(stderr) || err.message}`, stderr),
        );
      },
    );
    // A tool may exit before reading its input; that shows in its exit status, not as EPIPE.
    child.stdin?.on('error', () => {});
    child.stdin?.end(opts.input ?? '');
  });
}

export function commandText(file: string, args: string[]): string {
  const shown = [file.replace(/^.*\//, ''), ...args].join(' ');
  return shown.length > 200 ? `${shown.slice(0, 197)}...` : shown;
}

/** The most telling line of a tool's stderr (ip and nft print the error first). */
export function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? ''
  );
}
