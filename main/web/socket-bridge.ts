// One WebSocket connection = one window: requests are dispatched exactly as Electron
// IPC messages are, and the window's event subscriptions end when the socket closes.
import type { WebSocket } from 'ws';
import { type WsFrame, wsRequest } from '../../contract/ipc.js';
import { dispatch, type Handlers } from '../ipc/dispatch.js';
import type { NetworkService } from '../services/network-service.js';

export function bridgeSocket(socket: WebSocket, handlers: Handlers, service: NetworkService): void {
  const send = (frame: WsFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  const unsubscribe = service.subscribe((rows) => send({ event: 'networks.changed', payload: rows }));
  socket.on('close', unsubscribe);
  socket.on('message', async (data, isBinary) => {
    if (isBinary) return socket.close(1003, 'text frames only');
    let request: ReturnType<typeof wsRequest.parse>;
    try {
      request = wsRequest.parse(JSON.parse(data.toString()));
    } catch {
      return socket.close(1007, 'malformed request');
    }
    send({ id: request.id, reply: await dispatch(handlers, request.channel, request.input) });
  });
}
