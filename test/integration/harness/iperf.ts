// Throughput between two namespaces with iperf3: a one-shot server spawned for the
// measurement (its exit promise taken at spawn, killed by PID in finally) and a
// client whose JSON report gives what the receiver got. Used to check that a
// <bandwidth> limit holds, never as a gate on the machine's speed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { exitOf } from '../../support/child-exit.js';
import { pollUntil } from '../../support/poll-until.js';
import { mustRun } from './run.js';

export const hasIperf3 = existsSync('/usr/bin/iperf3');

export interface Measure {
  serverNs: string;
  serverIp: string;
  clientNs: string;
  /** true: the server sends (iperf3 -R), false: the client sends. */
  serverSends: boolean;
  seconds?: number;
  port?: number;
}

/** Bytes per second the receiving side got, the first second (slow start, bursts) left out. */
export async function measureRate(m: Measure): Promise<number> {
  const port = String(m.port ?? 5201);
  const server = spawn(
    'ip',
    ['netns', 'exec', m.serverNs, 'iperf3', '-s', '-1', '--forceflush', '-B', m.serverIp, '-p', port],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = exitOf(server);
  let out = '';
  server.stdout?.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  try {
    await pollUntil('iperf3 to listen', () => out.includes('Server listening'), { timeoutMs: 20_000 });
    const args = ['-c', m.serverIp, '-p', port, '-t', String(m.seconds ?? 3), '-O', '1', '-J'];
    const report = JSON.parse(
      await mustRun(
        'ip',
        ['netns', 'exec', m.clientNs, 'iperf3', ...args, ...(m.serverSends ? ['-R'] : [])],
        {
          timeoutMs: 60_000,
        },
      ),
    ) as { end: { sum_received: { bits_per_second: number } } };
    return report.end.sum_received.bits_per_second / 8;
  } finally {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await exited;
  }
}
