// The page's own link to main. In the web shell it is a WebSocket that can drop (the
// web shell stopped or restarted) and comes back by itself; in Electron main is the
// window's own process, so there is no such link to lose (and none is registered).

export interface ShellLink {
  /** Whether the page can reach main now. */
  readonly up: boolean;
  /** Called with the new state each time it changes; returns the unsubscribe function. */
  onChange(listener: (up: boolean) => void): () => void;
}
