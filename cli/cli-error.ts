// The one way a verb fails: a single line for stderr (the `error: ` prefix is added
// by main), exit code 1, never a stack trace.
export class CliError extends Error {}

export function fail(message: string): never {
  throw new CliError(message);
}
