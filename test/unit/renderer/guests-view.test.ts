import { describe, expect, it } from 'vitest';
import type { NetworkPortsView, StatsSample } from '../../../contract/ipc.js';
import { portRows } from '../../../renderer/src/features/guests/port-rows.js';

const zero = { rx_packets: 0, tx_packets: 0, rx_errors: 0, tx_errors: 0, rx_dropped: 0, tx_dropped: 0 };

describe('the Ports tab', () => {
  const view: NetworkPortsView = {
    network: 'lab',
    bridge: 'virbr7',
    active: true,
    remembered: [],
    ports: [
      {
        port: 'vnet3',
        kind: 'tun',
        portMac: 'fe:54:00:00:00:03',
        isolated: true,
        guestMacs: ['52:54:00:00:00:03'],
        leases: [{ mac: '52:54:00:00:00:03', ip: '192.168.122.30', hostname: 'web' }],
        vm: { name: 'web', source: 'libvirt', pid: 4242, mac: '52:54:00:00:00:03' },
        fromGuestBytes: 1000,
        toGuestBytes: 2000,
      },
      {
        port: 'tap0',
        kind: 'tun',
        portMac: 'fe:a4:91:26:53:4b',
        isolated: false,
        guestMacs: [],
        leases: [],
        vm: { name: 'qemu pid 77', source: 'qemu', pid: 77 },
        fromGuestBytes: 0,
        toGuestBytes: 0,
      },
    ],
  };

  it('shows each port with its VM, MAC, lease and the rates of the latest sample', () => {
    const sample: StatsSample = {
      bridge: 'virbr7',
      at: 0,
      total: { rx_bytes: 0, tx_bytes: 0, ...zero },
      ports: [
        { link: 'vnet3', rates: { rx_bytes: 125, tx_bytes: 250, ...zero }, rxBytes: 1000, txBytes: 2000 },
      ],
    };
    expect(portRows(view, sample)).toEqual([
      {
        port: 'vnet3',
        isolated: true,
        vm: 'web (libvirt)',
        kind: 'VM tap',
        mac: '52:54:00:00:00:03',
        ip: '192.168.122.30',
        hostname: 'web',
        fromGuestBytes: 1000,
        toGuestBytes: 2000,
        fromGuestRate: 125,
        toGuestRate: 250,
      },
      {
        port: 'tap0',
        isolated: false,
        vm: 'qemu pid 77',
        kind: 'VM tap',
        mac: '—',
        ip: '—',
        hostname: '—',
        fromGuestBytes: 0,
        toGuestBytes: 0,
      },
    ]);
  });

  it('has no rows before the first answer', () => {
    expect(portRows(undefined, undefined)).toEqual([]);
  });
});
