// The web shell runs inside the playground's private namespace, where its 127.0.0.1 is
// not the machine's. It listens on a Unix socket instead (file system paths cross
// network namespaces) and this forwarder offers it on the machine's 127.0.0.1.
import { createConnection, createServer, type Server } from 'node:net';

export interface Forwarder {
  port: number;
  close(): Promise<void>;
}

export async function forwardLoopback(socketPath: string, port = 0): Promise<Forwarder> {
  const server: Server = createServer((client) => {
    const upstream = createConnection(socketPath);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('forwarder has no TCP address');
  return {
    port: address.port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.unref();
      }),
  };
}
