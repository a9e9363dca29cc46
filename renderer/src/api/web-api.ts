// window.api for the web shell: the same contract, framed as JSON over the page's
// WebSocket (the token comes from the page URL the web shell printed). Requests that
// are in flight when the connection drops fail with data, like any other error. The
// socket is kept open the whole time: when it closes (the web shell stopped or
// restarted) the link says so at once and the page reconnects by itself, a little
// later each try, so the banner appears without waiting for an action to fail.
import type { Api, EventName, Reply, WsFrame } from '../../../contract/ipc.js';
import type { ShellLink } from './shell-link.js';

type Listener = (payload: unknown) => void;

/** Waits between reconnect attempts: quick at first (a restart takes a moment), then every 2 s. */
export const RECONNECT_DELAYS_MS = [100, 250, 500, 1000, 2000] as const;

export function reconnectDelay(attempt: number): number {
  return RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)] as number;
}

export function webApi(location: Location): { api: Api; link: ShellLink } {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const url = `ws://${location.host}/ws?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, (reply: Reply<unknown>) => void>();
  const listeners = new Map<EventName, Set<Listener>>();
  const linkListeners = new Set<(up: boolean) => void>();
  let nextId = 1;
  let socket: Promise<WebSocket> | undefined;
  let up = true;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const setUp = (now: boolean) => {
    if (now === up) return;
    up = now;
    for (const l of linkListeners) l(now);
  };

  const connect = (): Promise<WebSocket> => {
    socket ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        attempt = 0;
        resolve(ws);
        setUp(true);
      };
      ws.onerror = () => reject(new Error('cannot reach the Switchyard web shell'));
      ws.onmessage = (msg) => receive(JSON.parse(String(msg.data)) as WsFrame);
      ws.onclose = () => {
        socket = undefined;
        for (const done of pending.values()) done(lost);
        pending.clear();
        setUp(false);
        scheduleReconnect();
      };
    });
    return socket;
  };

  const scheduleReconnect = () => {
    if (retry !== undefined) return;
    retry = setTimeout(() => {
      retry = undefined;
      attempt++;
      void connect().catch(() => {});
    }, reconnectDelay(attempt));
  };

  const receive = (frame: WsFrame) => {
    if ('id' in frame) {
      pending.get(frame.id)?.(frame.reply);
      pending.delete(frame.id);
    } else {
      for (const l of listeners.get(frame.event) ?? []) l(frame.payload);
    }
  };

  const api: Api = {
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
  const link: ShellLink = {
    get up() {
      return up;
    },
    onChange(listener) {
      linkListeners.add(listener);
      void connect().catch(() => {});
      return () => linkListeners.delete(listener);
    },
  };
  return { api, link };
}

const lost: Reply<never> = {
  ok: false,
  error: {
    code: 'internal',
    message: 'the connection to the Switchyard web shell was lost; it reconnects by itself',
  },
};
