import { describe, expect, it } from 'vitest';
import { uplinkChoices } from '../../../renderer/src/features/networks/uplinks.js';

describe('the uplink picker', () => {
  it('lists physical links first, says what each is, and its speed and state', () => {
    const choices = uplinkChoices({
      interfaces: [],
      subnetsInUse: [],
      uplinks: [
        { name: 'uplink', kind: 'veth', physical: false, state: 'up', defaultRoute: true },
        { name: 'wlan0', kind: 'wireless', physical: true, state: 'dormant' },
        { name: 'eth0', kind: 'ethernet', physical: true, state: 'up', speed: 1000 },
      ],
    });
    expect(choices.map((c) => c.label)).toEqual([
      'eth0 — Ethernet, 1 Gb/s',
      'wlan0 — Wi-Fi, dormant',
      'uplink — veth, default route',
    ]);
  });
});
