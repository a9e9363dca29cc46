import { describe, expect, it } from 'vitest';
import { checkPageRequest, checkSocketRequest } from '../../../main/web/request-guard.js';

const cfg = { token: 'secret-token-123', publicPort: 4321 };

describe('web shell request guard', () => {
  it('accepts our page on 127.0.0.1 and localhost with the token', () => {
    expect(checkPageRequest('127.0.0.1:4321', 'secret-token-123', cfg)).toBeUndefined();
    expect(checkPageRequest('localhost:4321', 'secret-token-123', cfg)).toBeUndefined();
  });

  it('refuses a wrong, missing or longer token', () => {
    for (const t of ['secret-token-124', '', null, 'secret-token-1234']) {
      expect(checkPageRequest('127.0.0.1:4321', t, cfg)).toEqual({
        status: 403,
        reason: 'missing or wrong token',
      });
    }
  });

  it('refuses other Host headers (DNS rebinding)', () => {
    for (const h of ['evil.example:4321', '127.0.0.1:80', '127.0.0.1', undefined, '0.0.0.0:4321']) {
      expect(checkPageRequest(h, 'secret-token-123', cfg)?.status).toBe(421);
    }
  });

  it('lets only our own page open the socket', () => {
    expect(
      checkSocketRequest('127.0.0.1:4321', 'http://127.0.0.1:4321', 'secret-token-123', cfg),
    ).toBeUndefined();
    for (const o of [
      'http://evil.example',
      'http://127.0.0.1:4322',
      'null',
      undefined,
      'https://127.0.0.1:4321',
    ]) {
      expect(checkSocketRequest('127.0.0.1:4321', o, 'secret-token-123', cfg)).toEqual({
        status: 403,
        reason: 'unexpected Origin',
      });
    }
    expect(checkSocketRequest('127.0.0.1:4321', 'http://127.0.0.1:4321', 'nope', cfg)?.status).toBe(403);
  });
});
