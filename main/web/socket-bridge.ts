// One WebSocket connection = one window: requests are dispatched exactly as Electron
// IPC messages are, and the window's subscriptions and terminals end when the socket
// closes. A bad frame (too large, not masked, invalid UTF-8) makes ws close this
// socket with the matching code and report an 'error': it ends this window only.
import type { WebSocket } from 'ws';
import { type WsFrame, wsRequest } from '../../contract/ipc.js';
import { dispatch } from '../ipc/dispatch.js';
import { type AppServices, openWindow } from '../ipc/handlers.js';

export function bridgeSocket(socket: WebSocket, app: AppServices): void {
  const send = (frame: WsFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  const win = openWindow(app, (event, payload) => send({ event, payload }));
  socket.on('close', () => win.close());
  // ws has already closed the socket (1009 for a frame over the limit, 1002 for a
  // protocol error); without a listener the error would end the process.
  socket.on('error', () => socket.terminate());
  socket.on('message', async (data, isBinary) => {
    if (isBinary) return socket.close(1003, 'text frames only');
    let request: ReturnType<typeof wsRequest.parse>;
    try {
      request = wsRequest.parse(JSON.parse(data.toString()));
    } catch {
      return socket.close(1007, 'malformed request');
    }
    try {
      send({ id: request.id, reply: await dispatch(win.handlers, request.channel, request.input) });
    } catch (err) {
      console.error('switchyard: web shell reply failed:', err);
      socket.close(1011, 'internal error');
    }
  });
}
