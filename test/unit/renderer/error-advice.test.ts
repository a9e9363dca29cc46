import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../../contract/ipc.js';
import { adviceFor } from '../../../renderer/src/features/networks/error-advice.js';

describe('error advice', () => {
  it('names the interface holding a subnet and offers a free one', () => {
    const a = adviceFor(
      { code: 'conflict', message: "network 'lab': 192.168.122.0/24 is already in use by interface eth0" },
      { freeSubnet: '192.168.123.0/24' },
    );
    expect(a.summary).toBe('Subnet 192.168.122.0/24 is already used by interface eth0.');
    expect(a.fix).toEqual({ kind: 'free-subnet', subnet: '192.168.123.0/24' });
  });

  it('names the network holding a subnet', () => {
    const a = adviceFor({
      code: 'conflict',
      message: "network 'b': 10.0.0.0/24 is already in use by network 'a'",
    });
    expect(a.summary).toBe("Subnet 10.0.0.0/24 is already used by network 'a'.");
    expect(a.fix).toBeUndefined();
  });

  it('offers another bridge name when the name is taken', () => {
    const a = adviceFor({
      code: 'conflict',
      message: "network 'b': bridge name 'virbr0' is already in use by another interface",
    });
    expect(a.fix).toEqual({ kind: 'auto-bridge' });
    expect(a.summary).toContain('virbr0');
  });

  it('explains how to get access when not authorized', () => {
    expect(adviceFor({ code: 'access-denied', message: 'not authorized' }).advice).toMatch(/polkit/);
    expect(adviceFor({ code: 'auth-cancelled', message: 'cancelled' }).summary).toMatch(
      /nothing was changed/,
    );
  });

  it('has advice for every code of the closed list', () => {
    for (const code of errorCodes)
      expect(adviceFor({ code, message: 'm' }).advice.length).toBeGreaterThan(10);
  });
});
