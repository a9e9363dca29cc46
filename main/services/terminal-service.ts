// The Terminal tab: a login-less shell in a pseudo-terminal (node-pty), started in the
// user's home with the checkout's bin/ first on PATH, so `switchyard net-list` works
// as typed. Each window owns its terminals; they end when the window goes. The web
// shell offers this only when started with --terminal: a shell is the user's whole
// account, and a browser tab is easier to reach than a desktop window.
import { homedir } from 'node:os';
import { delimiter } from 'node:path';
import { HostError } from '../../host/host-error.js';

/** What we use of node-pty's IPty (injectable for tests). */
export interface Pty {
  onData(fn: (data: string) => void): unknown;
  onExit(fn: (e: { exitCode: number }) => void): unknown;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  kill(signal?: string): void;
}

export type SpawnPty = (
  file: string,
  args: string[],
  opts: { name: string; cols: number; rows: number; cwd: string; env: Record<string, string> },
) => Pty;

export interface TerminalOptions {
  enabled: boolean;
  /** Shown in the tab when disabled: how to turn it on. */
  disabledHint?: string;
  /** Prepended to PATH: where `switchyard` lives. */
  binDir: string;
  spawn: SpawnPty;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  shell?: string;
}

export interface TerminalEvents {
  data(id: number, data: string): void;
  exit(id: number, code: number): void;
}

/** A window may run a few shells, not an unbounded number. */
export const MAX_TERMINALS_PER_WINDOW = 4;

export class TerminalService {
  private nextId = 1;

  constructor(readonly opts: TerminalOptions) {}

  features(): { terminal: boolean; terminalHint?: string } {
    if (this.opts.enabled) return { terminal: true };
    return { terminal: false, ...(this.opts.disabledHint ? { terminalHint: this.opts.disabledHint } : {}) };
  }

  /** One window's terminals. */
  session(events: TerminalEvents): TerminalSession {
    return new TerminalSession(this, events);
  }

  /** @internal */
  spawn(cols: number, rows: number): { id: number; pty: Pty } {
    const env = shellEnv(this.opts.env ?? process.env, this.opts.binDir);
    const shell = this.opts.shell ?? env.SHELL ?? '/bin/bash';
    const pty = this.opts.spawn(shell, [], {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: this.opts.cwd ?? env.HOME ?? homedir(),
      env,
    });
    return { id: this.nextId++, pty };
  }
}

export class TerminalSession {
  private readonly ptys = new Map<number, Pty>();

  constructor(
    private readonly service: TerminalService,
    private readonly events: TerminalEvents,
  ) {}

  open(cols: number, rows: number): number {
    if (!this.service.opts.enabled)
      throw new HostError('access-denied', this.service.opts.disabledHint ?? 'the terminal is disabled');
    if (this.ptys.size >= MAX_TERMINALS_PER_WINDOW)
      throw new HostError('conflict', `at most ${MAX_TERMINALS_PER_WINDOW} terminals per window`);
    const { id, pty } = this.service.spawn(cols, rows);
    this.ptys.set(id, pty);
    pty.onData((data) => this.events.data(id, data));
    pty.onExit(({ exitCode }) => {
      this.ptys.delete(id);
      this.events.exit(id, exitCode);
    });
    return id;
  }

  input(id: number, data: string): void {
    this.get(id).write(data);
  }

  resize(id: number, cols: number, rows: number): void {
    this.get(id).resize(cols, rows);
  }

  close(id: number): void {
    const pty = this.ptys.get(id);
    this.ptys.delete(id);
    pty?.kill();
  }

  closeAll(): void {
    for (const id of [...this.ptys.keys()]) this.close(id);
  }

  get count(): number {
    return this.ptys.size;
  }

  /** Only this window's own terminals: another window's ids are not found. */
  private get(id: number): Pty {
    const pty = this.ptys.get(id);
    if (!pty) throw new HostError('not-found', `terminal ${id} is not open`);
    return pty;
  }
}

/** The user's environment with bin/ first on PATH; undefined values dropped (node-pty wants strings). */
export function shellEnv(env: NodeJS.ProcessEnv, binDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  const path = (out.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter).filter((p) => p !== binDir);
  out.PATH = [binDir, ...path].join(delimiter);
  out.TERM = 'xterm-256color';
  return out;
}
