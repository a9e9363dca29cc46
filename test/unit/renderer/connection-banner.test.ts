import { describe, expect, it } from 'vitest';
import { connectionBanner } from '../../../renderer/src/app/connection-banner.js';

describe('the connection banner', () => {
  it('is not there while everything can be reached', () => {
    for (const state of ['none', 'idle', 'running'] as const)
      expect(connectionBanner(true, { state })).toBeUndefined();
  });

  it('says the page lost main first, whatever the helper was', () => {
    expect(connectionBanner(false, { state: 'running' })?.text).toMatch(
      /^Lost the connection to Switchyard.*Reconnecting…$/,
    );
  });

  it('says the helper is being started again, or offers to start it', () => {
    const why = 'switchyard-helper ended (signal SIGKILL)';
    expect(connectionBanner(true, { state: 'reconnecting', message: why })).toEqual({
      text: `The privileged helper stopped: ${why}. Starting it again…`,
    });
    expect(connectionBanner(true, { state: 'down', message: why })?.retry).toBe('Start it now');
  });
});
