// The unprivileged side's NetworkControl: every change goes to the root helper,
// started on first use (one password prompt per session with auth_admin_keep) and
// reused. A helper that died is started again on the next call, never for a call
// that was already in flight; the app asks for it to be started again at once
// (restartWhenLost), so it is ready for the next change and its banner clears, but one
// that keeps dying without answering anything is left down until the next change. XML
// is checked here first, so a bad file is refused without asking for a password.
import { existsSync } from 'node:fs';
import type {
  HelperEvent,
  HelperEventData,
  HelperMethod,
  HelperParams,
  HelperResult,
} from '../../contract/helper.js';
import type { NetworkFix } from '../../core/define/index.js';
import { readNetworkDefinition } from '../../core/definition.js';
import type { NetworkUpdateRequest } from '../../core/update/index.js';
import type { HealthReport, RepairAction } from '../doctor/index.js';
import { HostError } from '../host-error.js';
import type { LeaseToReserve, UpdateFlags, UpdateOutcome } from '../live-update/index.js';
import type { CreateOptions, NetworkControl } from '../networks/network-control.js';
import { problemError } from '../problem-error.js';
import type { HelperCommand } from './helper-command.js';
import { HelperConnection } from './helper-connection.js';
import { type HelperStatus, MAX_AUTOMATIC_RESTARTS } from './helper-status.js';

export interface HelperClientOptions {
  command: HelperCommand;
  /** Includes the time the user spends in the password dialog. */
  startTimeoutMs?: number;
  requestTimeoutMs?: number;
  onEvent?: <E extends HelperEvent>(event: E, data: HelperEventData<E>) => void;
  /** Each change of status (see HelperStatus). */
  onStatus?: (status: HelperStatus) => void;
  /**
   * Start a new helper as soon as one ends on its own. The app's choice (a window is
   * open and waiting); not the CLI's, which is about to exit anyway.
   */
  restartWhenLost?: boolean;
}

export class HelperClient implements NetworkControl {
  private connection: Promise<HelperConnection> | undefined;
  private current: HelperStatus = { state: 'idle' };
  /** Helpers started unasked since the last answered request. */
  private restarts = 0;

  constructor(private readonly opts: HelperClientOptions) {}

  get status(): HelperStatus {
    return this.current;
  }

  async call<M extends HelperMethod>(method: M, params: HelperParams<M>): Promise<HelperResult<M>> {
    const conn = await this.connect();
    const result = await conn.request(method, params, this.opts.requestTimeoutMs ?? 180_000);
    this.restarts = 0;
    return result;
  }

  /** Starts the helper now if it is not running (the banner's "Start it now"). */
  async reconnect(): Promise<HelperStatus> {
    this.restarts = 0;
    await this.connect().catch((err: unknown) => this.setStatus({ state: 'down', message: messageOf(err) }));
    return this.current;
  }

  /** Lets the helper finish and exit; the next call starts a new one. */
  async close(): Promise<void> {
    const conn = this.connection;
    this.connection = undefined;
    this.setStatus({ state: 'idle' });
    if (!conn) return;
    await conn.then((c) => c.close()).catch(() => {});
  }

  async define(source: string | Uint8Array): Promise<{ name: string; uuid: string }> {
    return this.call('define', { xml: checkedText(source) });
  }

  async create(source: string | Uint8Array): Promise<{ name: string; uuid: string }> {
    return this.call('create', { xml: checkedText(source) });
  }

  async start(net: string): Promise<void> {
    await this.call('start', { net });
  }

  async destroy(net: string): Promise<void> {
    await this.call('destroy', { net });
  }

  async undefine(net: string): Promise<void> {
    await this.call('undefine', { net });
  }

  async setAutostart(net: string, on: boolean): Promise<void> {
    await this.call('autostart', { net, on });
  }

  async doctor(net?: string): Promise<HealthReport> {
    return this.call('doctor', net === undefined ? {} : { net });
  }

  async repair(actions: readonly RepairAction[], net?: string): Promise<HealthReport> {
    return this.call('repair', { actions: [...actions], ...(net === undefined ? {} : { net }) });
  }

  /** Whether a helper runs now: asking it costs no password prompt. */
  get connected(): boolean {
    return this.connection !== undefined;
  }

  async setUnprivilegedAttach(net: string, on: boolean): Promise<void> {
    await this.call('userAttach', { net, on });
  }

  async defineAndStart(
    source: string | Uint8Array,
    opts: CreateOptions,
  ): Promise<{ name: string; uuid: string }> {
    return this.call('defineAndStart', {
      xml: checkedText(source),
      autostart: opts.autostart,
      start: opts.start,
    });
  }

  async restart(net: string): Promise<void> {
    await this.call('restart', { net });
  }

  async remove(net: string): Promise<void> {
    await this.call('remove', { net });
  }

  async applyFix(net: string, fix: NetworkFix): Promise<{ started: boolean }> {
    const { started } = await this.call('applyFix', { net, fix });
    return { started };
  }

  async reserve(net: string, lease: LeaseToReserve): Promise<UpdateOutcome> {
    return this.call('reserve', { net, lease });
  }

  async update(net: string, req: NetworkUpdateRequest, flags: UpdateFlags): Promise<UpdateOutcome> {
    return this.call('update', {
      net,
      command: req.command,
      section: req.section,
      xml: req.xml,
      ...(req.parentIndex === undefined ? {} : { parentIndex: req.parentIndex }),
      ...(flags.live ? { live: true } : {}),
      ...(flags.config ? { config: true } : {}),
    });
  }

  private connect(): Promise<HelperConnection> {
    if (this.connection) return this.connection;
    const { command } = this.opts;
    if (!existsSync(command.helperPath)) return Promise.reject(helperMissing(command));
    let established = false;
    const opening = HelperConnection.open(command, {
      startTimeoutMs: this.opts.startTimeoutMs ?? 300_000,
      onEvent: this.opts.onEvent,
      onRetire: (why) => {
        if (this.connection !== opening) return;
        this.connection = undefined;
        // A start that failed is the caller's error; only a helper that was up is "lost".
        if (established) this.lost(why);
      },
    });
    this.connection = opening;
    opening.then(
      () => {
        established = true;
        if (this.connection === opening) this.setStatus({ state: 'running' });
      },
      () => {
        if (this.connection === opening) this.connection = undefined;
      },
    );
    return opening;
  }

  /** The helper ended on its own: start another now, unless that keeps happening. */
  private lost(why: string): void {
    if (!this.opts.restartWhenLost) {
      this.setStatus({ state: 'down', message: why });
      return;
    }
    if (this.restarts >= MAX_AUTOMATIC_RESTARTS) {
      this.setStatus({ state: 'down', message: `${why}, ${this.restarts + 1} times in a row` });
      return;
    }
    this.restarts++;
    this.setStatus({ state: 'reconnecting', message: why });
    this.connect().catch((err: unknown) => {
      if (this.current.state === 'reconnecting')
        this.setStatus({ state: 'down', message: `${why}; starting it again failed: ${messageOf(err)}` });
    });
  }

  private setStatus(status: HelperStatus): void {
    if (JSON.stringify(status) === JSON.stringify(this.current)) return;
    this.current = status;
    this.opts.onStatus?.(status);
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The text sent to the helper, after the same checks the helper will make. */
function checkedText(source: string | Uint8Array): string {
  const read = readNetworkDefinition(source);
  if (!read.ok) throw problemError(read.error);
  return typeof source === 'string' ? source : new TextDecoder('utf-8', { fatal: true }).decode(source);
}

/** An AppImage cannot carry a root helper (the user mounts it), so it says what to install. */
function helperMissing(command: HelperCommand): HostError {
  const where = `switchyard-helper is not installed at ${command.helperPath}`;
  return new HostError(
    'helper-unavailable',
    command.env?.APPIMAGE
      ? `${where}, and an AppImage cannot provide one: install the switchyard deb or rpm package to make changes; until then networks are read-only`
      : `${where}: install the switchyard package, or run as root`,
  );
}
