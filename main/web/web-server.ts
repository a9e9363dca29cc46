// The web shell: the built renderer over HTTP and the IPC contract over a WebSocket,
// on 127.0.0.1 only (or a Unix socket, for the playground's forwarder), guarded by a
// per-run token and Host/Origin checks. Anyone can send it bytes (a page on another
// site can make the browser request any path, with no token), so nothing a client
// sends may end the process: a bad request target gets 400, a handler that throws
// gets 500, and a bad frame closes only that socket.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { AppServices } from '../ipc/handlers.js';
import { contentSecurityPolicy, securityHeaders } from '../shell/content-policy.js';
import { readRendererFile } from '../shell/renderer-files.js';
import { checkPageRequest, checkSocketRequest, type GuardConfig } from './request-guard.js';
import { bridgeSocket } from './socket-bridge.js';

export type Listen = { port: number } | { socketPath: string; publicPort: number };

export interface WebShellOptions {
  rendererDir: string;
  app: AppServices;
  listen: Listen;
  token?: string;
}

export interface WebShell {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export const SOCKET_PATH = '/ws';
const MAX_FRAME = 8 * 1024 * 1024;

export async function startWebShell(opts: WebShellOptions): Promise<WebShell> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const guard: GuardConfig = {
    token,
    publicPort: 'port' in opts.listen ? opts.listen.port : opts.listen.publicPort,
  };
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME });
  const server = createServer((req, res) => {
    try {
      servePage(req, res, opts.rendererDir, guard);
    } catch (err) {
      console.error('switchyard: web shell request failed:', err);
      if (!res.headersSent) refuse(res, 500, 'internal error');
      else res.destroy();
    }
  });
  server.on('upgrade', (req, sock, head) => {
    // A client that resets the connection mid-upgrade must not become an uncaught error.
    sock.on('error', () => sock.destroy());
    try {
      upgrade(req, sock, head, guard, wss, opts);
    } catch (err) {
      console.error('switchyard: web shell upgrade failed:', err);
      sock.destroy();
    }
  });
  const sockets = trackSockets(server);
  await listen(server, opts.listen);
  const address = server.address();
  if ('port' in opts.listen && address && typeof address === 'object') guard.publicPort = address.port;
  return {
    url: `http://127.0.0.1:${guard.publicPort}/?token=${token}`,
    token,
    port: guard.publicPort,
    close: () => close(server, wss, sockets),
  };
}

/**
 * The request target as a URL, when it is the origin form our page sends ('/' and a
 * path). '//…' is refused: URL reads it as a host with no scheme (and throws on '//'
 * alone); anything else URL cannot read is undefined too (400) rather than a throw.
 */
export function requestTarget(target: string | undefined): URL | undefined {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return new URL(`http://placeholder${target}`);
  } catch {
    return undefined;
  }
}

function servePage(req: IncomingMessage, res: ServerResponse, root: string, guard: GuardConfig): void {
  const url = requestTarget(req.url);
  if (!url) {
    refuse(res, 400, 'bad request target');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    refuse(res, 405, 'method not allowed');
    return;
  }
  const isPage = url.pathname === '/' || url.pathname === '/index.html';
  // Bundled code and styles hold no secrets, but the page (which starts the session) needs the token.
  const refusal = isPage
    ? checkPageRequest(req.headers.host, url.searchParams.get('token'), guard)
    : checkPageRequest(req.headers.host, guard.token, guard);
  const file = refusal ? undefined : readRendererFile(root, url.pathname);
  if (!file) {
    if (refusal) refuse(res, refusal.status, refusal.reason);
    else refuse(res, 404, 'not found');
    return;
  }
  const headers: Record<string, string> = { ...securityHeaders, 'Content-Type': file.type };
  if (file.isPage) {
    headers['Content-Security-Policy'] = contentSecurityPolicy([`ws://${req.headers.host}`]);
    headers['Cache-Control'] = 'no-store';
  }
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : file.body);
}

function refuse(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${reason}\n`);
}

function upgrade(
  req: IncomingMessage,
  sock: Duplex,
  head: Buffer,
  guard: GuardConfig,
  wss: WebSocketServer,
  opts: WebShellOptions,
): void {
  const url = requestTarget(req.url);
  if (!url) {
    sock.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  const refusal =
    url.pathname === SOCKET_PATH
      ? checkSocketRequest(req.headers.host, req.headers.origin, url.searchParams.get('token'), guard)
      : { status: 403 as const, reason: 'not a socket path' };
  if (refusal) {
    sock.end(`HTTP/1.1 ${refusal.status} Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    return;
  }
  wss.handleUpgrade(req, sock, head, (ws) => bridgeSocket(ws, opts.app));
}

function listen(server: Server, where: Listen): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const ready = () => {
      server.off('error', reject);
      resolve();
    };
    if ('socketPath' in where) server.listen(where.socketPath, ready);
    else server.listen(where.port, '127.0.0.1', ready);
  });
}

/**
 * Every socket the server accepted, until it closes. Node's closeAllConnections() leaves
 * out upgraded sockets, and a refused upgrade is one: its socket waits half-closed for a
 * client that may never hang up, and server.close() would wait with it.
 */
function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (sock: Socket) => {
    sockets.add(sock);
    sock.once('close', () => sockets.delete(sock));
  });
  return sockets;
}

function close(server: Server, wss: WebSocketServer, sockets: Set<Socket>): Promise<void> {
  for (const client of wss.clients) client.terminate();
  wss.close();
  return new Promise((resolve) => {
    server.close(() => resolve());
    for (const sock of sockets) sock.destroy();
  });
}
