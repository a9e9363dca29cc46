// The window hears about the root helper as soon as it ends on its own, and again
// when the replacement is up: a real HelperClient over the fake helper, the real
// window handlers, the PID killed by the test that started it.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../contract/ipc.js';
import { HelperClient } from '../../../host/helper-client/index.js';
import type { StatsSampler } from '../../../host/stats/index.js';
import { openWindow } from '../../../main/ipc/handlers.js';
import { helperMonitor } from '../../../main/services/helper-monitor.js';
import type { NetworkService } from '../../../main/services/network-service.js';
import type { TerminalService } from '../../../main/services/terminal-service.js';
import { pollUntil } from '../../support/poll-until.js';

const FAKE = fileURLToPath(new URL('../helper/fixtures/fake-helper.mjs', import.meta.url));

function windowOver(monitor: ReturnType<typeof helperMonitor>['monitor']) {
  const events: { event: EventName; payload: unknown }[] = [];
  const network = { subscribe: () => () => {} } as unknown as NetworkService;
  const terminal = { session: () => ({ closeAll: () => {} }) } as unknown as TerminalService;
  const win = openWindow(
    { network, sampler: {} as StatsSampler, terminal, helper: monitor },
    (event, payload) => events.push({ event, payload }),
  );
  return { win, events };
}

describe("the window's view of the root helper", () => {
  it('is told at once when the helper is killed, and when the new one is running', async () => {
    const { monitor, feed } = helperMonitor(() => client);
    const client = new HelperClient({
      command: { launcher: [process.execPath], helperPath: FAKE },
      restartWhenLost: true,
      onStatus: feed,
    });
    const { win, events } = windowOver(monitor);
    expect(await win.handlers['helper.status']({})).toEqual({ state: 'idle' });
    const { pid } = await client.call('hello', { protocol: 1 });
    expect(await win.handlers['helper.status']({})).toEqual({ state: 'running' });
    process.kill(pid, 'SIGKILL');
    await pollUntil('the replacement helper', () => events.length === 3);
    expect(events).toEqual([
      { event: 'helper.changed', payload: { state: 'running' } },
      {
        event: 'helper.changed',
        payload: { state: 'reconnecting', message: 'switchyard-helper ended (signal SIGKILL)' },
      },
      { event: 'helper.changed', payload: { state: 'running' } },
    ]);
    win.close();
    await client.close();
    expect(events).toHaveLength(3);
  });

  it('says none when main makes its changes itself', async () => {
    const network = { subscribe: () => () => {} } as unknown as NetworkService;
    const terminal = { session: () => ({ closeAll: () => {} }) } as unknown as TerminalService;
    const win = openWindow({ network, sampler: {} as StatsSampler, terminal }, () => {});
    expect(await win.handlers['helper.status']({})).toEqual({ state: 'none' });
    expect(await win.handlers['helper.reconnect']({})).toEqual({ state: 'none' });
    win.close();
  });
});
