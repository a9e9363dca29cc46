// The unprivileged side's NetworkControl: every change goes to the root helper,
// started on first use (one password prompt per session with auth_admin_keep) and
// reused. A helper that died is started again on the next call, never for a call
// that was already in flight. XML is checked here first, so a bad file is refused
// without asking for a password.
import { existsSync } from 'node:fs';
import type {
  HelperEvent,
  HelperEventData,
  HelperMethod,
  HelperParams,
  HelperResult,
} from '../../contract/helper.js';
import { readNetworkDefinition } from '../../core/definition.js';
import type { NetworkUpdateRequest } from '../../core/update/update-request.js';
import { HostError } from '../host-error.js';
import type { LeaseToReserve, UpdateFlags, UpdateOutcome } from '../live-update/index.js';
import type { NetworkControl } from '../networks/network-control.js';
import { problemError } from '../problem-error.js';
import type { HelperCommand } from './helper-command.js';
import { HelperConnection } from './helper-connection.js';

export interface HelperClientOptions {
  command: HelperCommand;
  /** Includes the time the user spends in the password dialog. */
  startTimeoutMs?: number;
  requestTimeoutMs?: number;
  onEvent?: <E extends HelperEvent>(event: E, data: HelperEventData<E>) => void;
}

export class HelperClient implements NetworkControl {
  private connection: Promise<HelperConnection> | undefined;

  constructor(private readonly opts: HelperClientOptions) {}

  async call<M extends HelperMethod>(method: M, params: HelperParams<M>): Promise<HelperResult<M>> {
    const conn = await this.connect();
    return conn.request(method, params, this.opts.requestTimeoutMs ?? 180_000);
  }

  /** Lets the helper finish and exit; the next call starts a new one. */
  async close(): Promise<void> {
    const conn = this.connection;
    this.connection = undefined;
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

  async setUnprivilegedAttach(net: string, on: boolean): Promise<void> {
    await this.call('userAttach', { net, on });
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
    const opening = HelperConnection.open(command, {
      startTimeoutMs: this.opts.startTimeoutMs ?? 300_000,
      onEvent: this.opts.onEvent,
      onRetire: () => {
        if (this.connection === opening) this.connection = undefined;
      },
    });
    this.connection = opening;
    opening.catch(() => {
      if (this.connection === opening) this.connection = undefined;
    });
    return opening;
  }
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
