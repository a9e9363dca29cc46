// Waiting for a condition instead of sleeping for a guess: the probe runs every few
// milliseconds until it gives a truthy value, which is returned. The bound only
// decides how soon a broken run fails (naming what it waited for); a passing run
// waits exactly as long as its condition needs, on a fast machine or a busy one.
// A probe that throws ends the wait with its error (e.g. "the process died").

export interface PollOptions {
  /** Generous by default: a slow machine is not a broken one. */
  timeoutMs?: number;
  everyMs?: number;
}

type Falsy = false | 0 | '' | null | undefined;

export async function pollUntil<T>(
  what: string,
  probe: () => T | Promise<T>,
  { timeoutMs = 10_000, everyMs = 5 }: PollOptions = {},
): Promise<Exclude<T, Falsy>> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as Exclude<T, Falsy>;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
