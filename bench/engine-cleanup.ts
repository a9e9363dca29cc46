// Undo for the engine benchmark: steps registered as things are created, run once in
// reverse — at the end, on an error, or on SIGINT/SIGTERM/SIGHUP.
import { endChildren } from './engine-procs.js';

type Step = { label: string; fn: () => Promise<void> | void };

export class Cleanup {
  private readonly steps: Step[] = [];
  private done: Promise<void> | undefined;
  private signalled = false;

  constructor(private readonly log: (line: string) => void) {}

  /** True once cleanup has begun: measurement loops stop instead of starting more work. */
  get stopping(): boolean {
    return this.signalled || this.done !== undefined;
  }

  /** Throws once cleanup has begun, so a loop does not race the teardown. */
  check(): void {
    if (this.stopping) throw new Error('interrupted');
  }

  add(label: string, fn: () => Promise<void> | void): void {
    this.steps.push({ label, fn });
  }

  /** Runs every step once, newest first; a failing step is reported and the rest still run. */
  runAll(): Promise<void> {
    this.done ??= this.runSteps();
    return this.done;
  }

  private async runSteps(): Promise<void> {
    for (const step of this.steps.reverse()) {
      try {
        await step.fn();
      } catch (err) {
        this.log(`cleanup: ${step.label} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  /** On a signal or a crash: end our children (by PID), clean up, exit. */
  installSignalHandlers(): void {
    const codes: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
    for (const [sig, n] of Object.entries(codes)) process.on(sig, () => this.abort(sig, 128 + n));
    process.on('uncaughtException', (err) => this.abort(`crash (${err.message})`, 1));
    process.on('unhandledRejection', (err) => this.abort(`crash (${String(err)})`, 1));
  }

  private abort(why: string, exitCode: number): void {
    if (this.signalled) {
      this.log(`${why}: cleanup already running`);
      return;
    }
    this.signalled = true;
    if (this.done) {
      // Cleanup is under way: let it finish rather than kill its commands.
      this.log(`${why}: waiting for the cleanup under way`);
      void this.done.finally(() => process.exit(exitCode));
      return;
    }
    this.log(`${why}: cleaning up`);
    void endChildren()
      .then(() => this.runAll())
      .finally(() => process.exit(exitCode));
  }
}
