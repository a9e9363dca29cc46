import { describe, expect, it } from 'vitest';
import { headerSummary } from '../../../renderer/src/features/networks/header-summary.js';

describe('the details header', () => {
  it('says mode and uplink, subnet, bridge and the VMs plugged in', () => {
    const row = {
      mode: 'nat',
      uplink: 'eth0',
      ipv4: '192.168.122.0/24',
      bridge: 'virbr0',
      active: true,
    } as const;
    expect(headerSummary(row, 2)).toEqual(['NAT via eth0', '192.168.122.0/24', 'bridge virbr0', '2 VMs']);
    expect(headerSummary(row, 1)[3]).toBe('1 VM');
  });
  it('an isolated L2-only network that is stopped has no VM count', () => {
    expect(headerSummary({ mode: 'isolated', active: false, bridge: 'virbr3' } as never, undefined)).toEqual([
      'Isolated: guests reach each other and the host',
      'no IP (layer 2)',
      'bridge virbr3',
    ]);
  });
});
