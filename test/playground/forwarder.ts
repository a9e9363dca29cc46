// The web shell runs inside the playground's private namespace, where its 127.0.0.1 is
// not the machine's. It listens on a Unix socket instead (file system paths cross
// network namespaces) and this forwarder offers it on the machine's 127.0.0.1.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface Forwarder {
  port: number;
  close(): Promise<void>;
}

export async function forwardLoopback(socketPath: string, port = 0): Promise<Forwarder> {
  // Closing ends every piped pair at once: server.close() alone would wait for each
  // browser to hang up, and a browser may keep an idle connection for as long as it likes.
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(socketPath);
    for (const sock of [client, upstream]) {
      open.add(sock);
      sock.once('close', () => open.delete(sock));
    }
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
        for (const sock of open) sock.destroy();
      }),
  };
}
