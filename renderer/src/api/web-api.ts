// window.api for the web shell: the same contract, framed as JSON over the page's
// WebSocket (the token comes from the page URL the web shell printed). Requests that
// are in flight when the connection drops fail with data, like any other error.
import type { Api, EventName, Reply, WsFrame } from '../../../contract/ipc.js';

type Listener = (payload: unknown) => void;

export function webApi(location: Location): Api {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const url = `ws://${location.host}/ws?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, (reply: Reply<unknown>) => void>();
  const listeners = new Map<EventName, Set<Listener>>();
  let nextId = 1;
  let socket: Promise<WebSocket> | undefined;

  const connect = (): Promise<WebSocket> => {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => resolve(ws);
      ws.onerror = () => reject(new Error('cannot reach the Switchyard web shell'));
      ws.onmessage = (msg) => receive(JSON.parse(String(msg.data)) as WsFrame);
      ws.onclose = () => {
        socket = undefined;
        for (const done of pending.values()) done(lost);
        pending.clear();
        // Keep the event stream alive: reconnect while anyone listens.
        if ([...listeners.values()].some((s) => s.size > 0))
          setTimeout(() => void connect().catch(() => {}), 1000);
      };
    });
    return socket;
  };

  const receive = (frame: WsFrame) => {
    if ('id' in frame) {
      pending.get(frame.id)?.(frame.reply);
      pending.delete(frame.id);
    } else {
      for (const l of listeners.get(frame.event) ?? []) l(frame.payload);
    }
  };

  return {
    async invoke(channel, input) {
      let ws: WebSocket;
      try {
        ws = await connect();
      } catch {
        return lost as never;
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (r: Reply<unknown>) => void);
        ws.send(JSON.stringify({ id, channel, input }));
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as Listener);
      void connect().catch(() => {});
      return () => set.delete(listener as Listener);
    },
  };
}

const lost: Reply<never> = {
  ok: false,
  error: { code: 'internal', message: 'the connection to Switchyard was lost; reload the page to reconnect' },
};
