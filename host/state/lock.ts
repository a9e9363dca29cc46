// One lock around every mutation. It is an abstract UNIX socket bound for as long as
// the holder lives: the kernel releases it when the holder exits or is killed -9, so
// a dead holder can never wedge the host and there is no stale-lock heuristic.
// Abstract sockets are per network namespace, which matches how Switchyard runs: one
// engine per namespace. The name includes the run dir so private test roots never contend.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:net';

export class LockTimeoutError extends Error {}

export async function withLock<T>(runDir: string, fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const server = await acquire(lockName(runDir), timeoutMs);
  try {
    return await fn();
  } finally {
    server.close();
  }
}

function lockName(runDir: string): string {
  const digest = createHash('sha256').update(runDir).digest('hex').slice(0, 32);
  return `\0switchyard-lock-${digest}`;
}

async function acquire(name: string, timeoutMs: number): Promise<Server> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const server = await tryBind(name);
    if (server) return server;
    if (Date.now() > deadline)
      throw new LockTimeoutError('another switchyard command holds the lock; try again');
    await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
  }
}

function tryBind(name: string): Promise<Server | undefined> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') resolve(undefined);
      else reject(err);
    });
    server.listen(name, () => {
      server.unref();
      resolve(server);
    });
  });
}
