import { describe, expect, it } from 'vitest';
import { HostError } from '../../../host/host-error.js';
import { dispatch, type Handlers } from '../../../main/ipc/dispatch.js';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const never = async (): Promise<never> => {
    throw new Error('not expected');
  };
  return {
    'networks.list': () => [],
    'networks.xml': never,
    'networks.leases': never,
    'networks.define': never,
    'networks.create': never,
    'networks.start': async ({ name }) => ({ name }),
    'networks.stop': never,
    'networks.undefine': never,
    'networks.autostart': never,
    'host.facts': never,
    'networks.connect': never,
    'networks.ports': never,
    'networks.userAttach': never,
    'networks.reserve': never,
    'networks.defineAndStart': never,
    'networks.restart': never,
    'networks.remove': never,
    'networks.applyFix': never,
    'networks.update': never,
    'stats.watch': never,
    'stats.history': never,
    'health.check': never,
    'health.repair': never,
    'helper.status': never,
    'helper.reconnect': never,
    'app.features': never,
    'terminal.open': never,
    'terminal.input': never,
    'terminal.resize': never,
    'terminal.close': never,
    ...overrides,
  };
}

describe('dispatch', () => {
  it('answers a valid request with its value', async () => {
    expect(await dispatch(handlers(), 'networks.start', { name: 'lab' })).toEqual({
      ok: true,
      value: { name: 'lab' },
    });
  });

  it('refuses a channel the contract does not have', async () => {
    const reply = await dispatch(handlers(), 'shell.exec', { cmd: 'rm' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses inherited object keys as channels', async () => {
    expect(await dispatch(handlers(), 'constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await dispatch(handlers(), '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('checks the arguments before the handler runs', async () => {
    let ran = false;
    const h = handlers({
      'networks.start': async () => {
        ran = true;
        return { name: 'x' };
      },
    });
    const bad = [{}, { name: '' }, { name: 'a/b' }, { name: 7 }, { name: 'x', extra: 1 }, 'x', null];
    for (const input of bad) {
      expect(await dispatch(h, 'networks.start', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(ran).toBe(false);
  });

  it('keeps the code of a HostError and its detail', async () => {
    const h = handlers({
      'networks.start': async () => {
        throw new HostError(
          'conflict',
          "network 'lab': 10.0.0.0/24 is already in use by interface eth0",
          'ip said so',
        );
      },
    });
    expect(await dispatch(h, 'networks.start', { name: 'lab' })).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: "network 'lab': 10.0.0.0/24 is already in use by interface eth0",
        detail: 'ip said so',
      },
    });
  });

  it('turns anything else into internal, one line', async () => {
    const h = handlers({
      'networks.start': async () => {
        throw new TypeError('boom\n    at somewhere');
      },
    });
    const err = console.error;
    console.error = () => {};
    try {
      expect(await dispatch(h, 'networks.start', { name: 'lab' })).toEqual({
        ok: false,
        error: { code: 'internal', message: 'boom' },
      });
    } finally {
      console.error = err;
    }
  });
});
