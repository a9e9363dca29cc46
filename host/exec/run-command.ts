// Every host command goes through here: arguments are passed as an array and never
// through a shell. A failure becomes one line naming the command and the tool's own
// complaint, e.g. "ip link add name virbr0 type bridge failed: RTNETLINK answers: File exists".
// The native addon runs it when it was built; child_process otherwise.
import { execFile } from 'node:child_process';
import { constants } from 'node:os';
import { HostError } from '../host-error.js';
import { type NativeAddon, nativeAddon } from './native-addon.js';

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

const DEFAULT_TIMEOUT_MS = 30_000;

export function runCommand(file: string, args: string[], opts: RunOptions = {}): Promise<string> {
  const addon = nativeAddon();
  return addon ? runNative(addon, file, args, opts) : runWithChildProcess(file, args, opts);
}

export async function runNative(
  addon: NativeAddon,
  file: string,
  args: string[],
  opts: RunOptions = {},
): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const r = await addon.run(file, args, opts.input ?? '', timeoutMs, false);
  const failed = (why: string, stderr = '') =>
    new CommandError(`${commandText(file, args)} failed: ${firstLine(stderr) || why}`, stderr);
  if ('error' in r) throw failed(`cannot run ${file}: ${r.error}`);
  if (r.code === 0 && !r.timedOut) return r.stdout;
  if (r.timedOut)
    throw new CommandError(
      `${commandText(file, args)} gave no answer within ${timeoutMs / 1000} s`,
      r.stderr,
    );
  throw failed(r.code === null ? `killed by ${signalName(r.signal)}` : `exit status ${r.code}`, r.stderr);
}

function signalName(signal: number | null): string {
  const name = Object.entries(constants.signals).find(([, n]) => n === signal)?.[0];
  return name ?? `signal ${signal}`;
}

export function runWithChildProcess(file: string, args: string[], opts: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      { encoding: 'utf8', timeout: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
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
