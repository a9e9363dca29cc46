// The preload with Electron mocked: it exposes exactly window.api, forwards only the
// contract's channels, and delivers only the event a listener asked for.
import { describe, expect, it, vi } from 'vitest';
import { type Api, electronChannels } from '../../../contract/ipc.js';

const exposed: Record<string, unknown> = {};
const listeners = new Map<string, (...args: unknown[]) => void>();
const invoke = vi.fn(async () => ({ ok: true, value: [] }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke,
    on: (channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, fn),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

await import('../../../preload/preload.js');
const api = exposed.api as Api;

describe('preload', () => {
  it('exposes only a frozen window.api with invoke and on', () => {
    expect(Object.keys(exposed)).toEqual(['api']);
    expect(Object.keys(api)).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards contract channels over the one invoke channel and refuses others', async () => {
    await api.invoke('networks.start', { name: 'lab' });
    expect(invoke).toHaveBeenCalledWith(electronChannels.invoke, 'networks.start', { name: 'lab' });
    const reply = await api.invoke('shell.exec' as never, {} as never);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it('delivers events by name and unsubscribes', () => {
    const got: unknown[] = [];
    const off = api.on('networks.changed', (rows) => got.push(rows));
    const forward = listeners.get(electronChannels.event)!;
    forward({}, 'networks.changed', [{ name: 'a' }]);
    forward({}, 'something.else', 1);
    expect(got).toEqual([[{ name: 'a' }]]);
    off();
    expect(listeners.has(electronChannels.event)).toBe(false);
  });
});
