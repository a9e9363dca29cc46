// One running helper process: spawn, wait for its `ready` event, shake hands, then
// carry requests matched by id. When the process ends, every request still in flight
// fails with a message that says so; nothing is resent, because a change the helper
// may already have made must not be made twice.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import {
  eventLine,
  HELPER_PROTOCOL,
  type HelperEvent,
  type HelperEventData,
  type HelperMethod,
  type HelperParams,
  type HelperResult,
  helperEvents,
  helperMethods,
  isHelperEvent,
  type ResponseLine,
  responseLine,
} from '../../contract/helper.js';
import { HostError } from '../host-error.js';
import { type HelperCommand, usesPkexec } from './helper-command.js';
import { launchFailure } from './launch-failure.js';

export interface ConnectionOptions {
  startTimeoutMs: number;
  onEvent?: <E extends HelperEvent>(event: E, data: HelperEventData<E>) => void;
  /** Called when this connection takes no more requests (its helper ended or stopped answering), with why. */
  onRetire?: (why: string) => void;
}

interface Pending {
  method: HelperMethod;
  resolve(value: unknown): void;
  reject(err: HostError): void;
  timer: NodeJS.Timeout;
}

const STDERR_TAIL = 4096;

export class HelperConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private stderrTail = '';
  private exited = false;
  private readonly exitedPromise: Promise<void>;
  private whenReady?: { resolve(): void; reject(err: HostError): void };

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly command: HelperCommand,
    private readonly opts: ConnectionOptions,
  ) {
    this.exitedPromise = new Promise((resolve) => {
      child.once('close', (code, signal) => {
        this.onClose(code, signal);
        resolve();
      });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    // The child may die while we write; the close handler reports it.
    child.stdin.on('error', () => {});
    createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY }).on('line', (l) =>
      this.onLine(l),
    );
  }

  static async open(command: HelperCommand, opts: ConnectionOptions): Promise<HelperConnection> {
    const [program, ...args] = command.launcher.length > 0 ? command.launcher : [command.helperPath];
    const argv = command.launcher.length > 0 ? [...args, command.helperPath] : args;
    const child = spawn(program!, argv, { stdio: ['pipe', 'pipe', 'pipe'], env: command.env ?? process.env });
    const conn = new HelperConnection(child, command, opts);
    await conn.handshake(program!);
    return conn;
  }

  get alive(): boolean {
    return !this.exited && this.child.stdin.writable;
  }

  request<M extends HelperMethod>(
    method: M,
    params: HelperParams<M>,
    timeoutMs: number,
  ): Promise<HelperResult<M>> {
    if (!this.alive)
      return Promise.reject(new HostError('helper-unavailable', 'switchyard-helper is not running'));
    const id = this.nextId++;
    return new Promise<HelperResult<M>>((resolve, reject) => {
      const timer = setTimeout(() => this.timedOut(id), timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject, timer });
      this.child.stdin.write(`${JSON.stringify({ id, method, params })}\n`);
    });
  }

  /** Closing stdin is how the helper is told to exit; it finishes what it is doing first. */
  async close(): Promise<void> {
    this.child.stdin.end();
    await this.exitedPromise;
  }

  private async handshake(program: string): Promise<void> {
    const ready = new Promise<void>((resolve, reject) => {
      this.whenReady = { resolve, reject };
    });
    this.child.once('error', (err: NodeJS.ErrnoException) => {
      this.failStart(
        new HostError('helper-unavailable', `cannot run ${program}: ${err.code ?? err.message}`, err.message),
      );
    });
    const timer = setTimeout(() => {
      this.failStart(new HostError('helper-unavailable', 'switchyard-helper did not become ready in time'));
      this.child.stdin.end();
      this.child.kill('SIGTERM');
    }, this.opts.startTimeoutMs);
    try {
      await ready;
      const hello = await this.request('hello', { protocol: HELPER_PROTOCOL }, this.opts.startTimeoutMs);
      if (hello.protocol !== HELPER_PROTOCOL)
        throw new HostError('helper-unavailable', `switchyard-helper speaks protocol ${hello.protocol}`);
    } catch (err) {
      this.child.stdin.end();
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  private failStart(err: HostError): void {
    this.whenReady?.reject(err);
    this.whenReady = undefined;
  }

  private onLine(text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.protocolError(`not JSON: ${text.slice(0, 80)}`);
      return;
    }
    const event = eventLine.safeParse(value);
    if (event.success) {
      this.onEvent(event.data.event, event.data.data);
      return;
    }
    const response = responseLine.safeParse(value);
    if (response.success) this.onResponse(response.data);
    else this.protocolError(`unexpected line: ${text.slice(0, 80)}`);
  }

  private onResponse(r: ResponseLine): void {
    const waiting = r.id === null ? undefined : this.pending.get(r.id);
    // No one waiting: an answer after its timeout, which was already reported as failed.
    if (!waiting || r.id === null) return;
    this.pending.delete(r.id);
    clearTimeout(waiting.timer);
    if (!r.ok) {
      waiting.reject(new HostError(r.error.code, r.error.message, r.error.detail));
      return;
    }
    const result = helperMethods[waiting.method].result.safeParse(r.result);
    if (result.success) waiting.resolve(result.data);
    else
      waiting.reject(
        new HostError('internal', `switchyard-helper gave a malformed answer to '${waiting.method}'`),
      );
  }

  private onEvent(name: string, data: unknown): void {
    if (!isHelperEvent(name)) return;
    const parsed = helperEvents[name].safeParse(data);
    if (!parsed.success) return;
    if (name === 'ready') {
      const { protocol } = parsed.data as HelperEventData<'ready'>;
      if (protocol === HELPER_PROTOCOL) this.whenReady?.resolve();
      else
        this.failStart(
          new HostError(
            'helper-unavailable',
            `the installed switchyard-helper speaks protocol ${protocol}, this program ${HELPER_PROTOCOL}; install matching versions`,
          ),
        );
      this.whenReady = undefined;
      return;
    }
    this.opts.onEvent?.(name, parsed.data as HelperEventData<typeof name>);
  }

  private protocolError(what: string): void {
    this.stderrTail = `${this.stderrTail}\nclient: ${what}`.slice(-STDERR_TAIL);
  }

  private timedOut(id: number): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    waiting.reject(
      new HostError(
        'helper-unavailable',
        `switchyard-helper did not answer '${waiting.method}' in time; it may still complete — check the network's state`,
      ),
    );
    // A helper that stops answering is not trusted with the next request: it is told
    // to exit (it still finishes or rolls back what it is doing) and a new one starts.
    this.child.stdin.end();
    this.opts.onRetire?.(`switchyard-helper stopped answering ('${waiting.method}' timed out)`);
  }

  private onClose(code: number | null, signal: NodeJS.Signals | null): void {
    this.exited = true;
    const facts = { code, signal, stderr: this.stderrTail, viaPkexec: usesPkexec(this.command) };
    this.failStart(launchFailure(facts));
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      this.pending.delete(id);
      waiting.reject(
        waiting.method === 'hello'
          ? launchFailure(facts)
          : new HostError(
              'helper-unavailable',
              `switchyard-helper ended while '${waiting.method}' was in flight; it may or may not have been applied — check the network's state`,
              facts.stderr.trim() || undefined,
            ),
      );
    }
    this.opts.onRetire?.(`switchyard-helper ended (${signal ? `signal ${signal}` : `exit status ${code}`})`);
  }
}
