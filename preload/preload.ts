// The whole bridge between the sandboxed page and main: window.api with invoke/on,
// both restricted to the names in contract/ipc.ts. No Node, no ipcRenderer, no
// Electron object reaches the page; main checks sender and arguments again. Bundled to
// one CommonJS file (sandboxed preloads cannot load modules).
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { type Api, channelNames, electronChannels, eventNames } from '../contract/ipc.js';

const channels = new Set<string>(channelNames);
const events = new Set<string>(eventNames);

const api: Api = {
  invoke(channel, input) {
    if (!channels.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid-input', message: `unknown channel ${channel}` },
      });
    }
    return ipcRenderer.invoke(electronChannels.invoke, channel, input);
  },
  on(event, listener) {
    if (!events.has(event)) return () => {};
    const forward = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(electronChannels.event, forward);
    return () => {
      ipcRenderer.removeListener(electronChannels.event, forward);
    };
  },
};

// Frozen so page code cannot swap the functions main's replies flow through.
contextBridge.exposeInMainWorld('api', Object.freeze(api));
