export interface CliIo {
  out(text: string): void;
  /** Notes beside a success (stdout keeps virsh's exact output). */
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export interface Verb {
  name: string;
  usage: string;
  summary: string;
  /** Works on files alone and never looks at the host (no first-use default network). */
  pure?: boolean;
  /** Reports the host's state: as root, reconcile runs first, so what it prints matches the host. */
  readsHost?: boolean;
  /**
   * Reports the host exactly as found: neither reconcile (it would repair what is to
   * be reported) nor the first-use default network runs before it.
   */
  diagnoses?: boolean;
  /** The exit status when not 0 (an error thrown is 1). */
  run(argv: readonly string[], io: CliIo): Promise<void> | Promise<number>;
}
