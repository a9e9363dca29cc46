// The Ports tab's rows: each interface on the bridge with its VM, guest MAC, lease
// and traffic, the rates taken from the latest statistics sample of the bridge when
// the window watches it (from the port's side: rx is what the guest sent).
import type { NetworkPortsView, StatsSample } from '../../../../contract/ipc.js';

export interface PortRow {
  port: string;
  isolated: boolean;
  /** 'vnet3 (libvirt)' style: the VM's name and where it was found; '—' when unknown. */
  vm: string;
  kind: string;
  mac: string;
  ip: string;
  hostname: string;
  fromGuestBytes: number;
  toGuestBytes: number;
  /** Bytes per second now, when sampled. */
  fromGuestRate?: number;
  toGuestRate?: number;
}

const KIND: Record<string, string> = { tun: 'VM tap', veth: 'veth' };

export function portRows(view: NetworkPortsView | undefined, sample: StatsSample | undefined): PortRow[] {
  const rates = new Map((sample?.ports ?? []).map((p) => [p.link, p.rates]));
  return (view?.ports ?? []).map((p) => {
    const lease = p.leases[0];
    const r = rates.get(p.port);
    return {
      port: p.port,
      isolated: p.isolated,
      vm: vmLabel(p.vm),
      kind: KIND[p.kind] ?? p.kind,
      mac: p.guestMacs.join(', ') || '—',
      ip: lease?.ip ?? '—',
      hostname: lease?.hostname ?? '—',
      fromGuestBytes: p.fromGuestBytes,
      toGuestBytes: p.toGuestBytes,
      ...(r ? { fromGuestRate: r.rx_bytes, toGuestRate: r.tx_bytes } : {}),
    };
  });
}

function vmLabel(vm: NetworkPortsView['ports'][number]['vm']): string {
  if (!vm) return '—';
  if (vm.source === 'libvirt') return `${vm.name} (libvirt)`;
  // A QEMU without -name is already called after its PID.
  return vm.name.startsWith('qemu pid ') ? vm.name : `${vm.name} (QEMU pid ${vm.pid ?? '?'})`;
}
