// Talks to bench/engine-runner.ts running inside a namespace: one request at a time,
// one JSON line each way.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { track } from './engine-procs.js';
import type { RunnerReply, RunnerRequest } from './engine-runner.js';

const runnerPath = fileURLToPath(new URL('./engine-runner.js', import.meta.url));

export class RunnerClient {
  private readonly child: ChildProcess;
  private readonly lines: Interface;
  private readonly waiting: ((line: string | undefined) => void)[] = [];
  private stderr = '';

  constructor(netns: string, env: NodeJS.ProcessEnv) {
    // `ip netns exec` execs the command in place, so this PID is node's own.
    this.child = track(
      spawn('ip', ['netns', 'exec', netns, process.execPath, runnerPath], { env, stdio: 'pipe' }),
    );
    this.child.stdin?.on('error', () => {});
    this.child.stderr?.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-2000);
    });
    this.lines = createInterface({ input: this.child.stdout as NodeJS.ReadableStream });
    this.lines.on('line', (line) => this.waiting.shift()?.(line));
    this.lines.on('close', () => {
      for (const w of this.waiting.splice(0)) w(undefined);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends REQ and waits for its reply; throws when the op failed. */
  async call(req: RunnerRequest): Promise<RunnerReply> {
    const reply = await this.send(req);
    if (!reply.ok) {
      const why = reply.error ?? reply.stderr?.trim() ?? 'failed';
      throw new Error(`switchyard ${requestLabel(req)}: ${why}`);
    }
    return reply;
  }

  private send(req: RunnerRequest): Promise<RunnerReply> {
    return new Promise((resolve, reject) => {
      this.waiting.push((line) => {
        if (line === undefined) reject(new Error(`engine runner exited: ${this.stderr.trim()}`));
        else resolve(JSON.parse(line) as RunnerReply);
      });
      this.child.stdin?.write(`${JSON.stringify(req)}\n`);
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin?.end(`${JSON.stringify({ op: 'exit' })}\n`);
    const timer = setTimeout(() => this.child.kill('SIGTERM'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

function requestLabel(req: RunnerRequest): string {
  switch (req.op) {
    case 'cli':
      return req.args.join(' ');
    case 'start':
    case 'destroy':
    case 'undefine':
      return `${req.op} ${req.name}`;
    default:
      return req.op;
  }
}
