// What the app can say about its root helper at any moment, for the window's banner.

export type HelperStatus =
  /** Not started yet, or told to exit: the next change starts it (one password prompt). */
  | { state: 'idle' }
  | { state: 'running' }
  /** It ended on its own (killed, crashed, stopped answering); a new one is starting. */
  | { state: 'reconnecting'; message: string }
  /** It ended and could not be started again; the next change tries again. */
  | { state: 'down'; message: string };

/** A helper that dies this many times in a row without answering a request is not restarted unasked. */
export const MAX_AUTOMATIC_RESTARTS = 3;
