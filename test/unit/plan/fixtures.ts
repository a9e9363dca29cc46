// Definitions as define leaves them (bridge name, MAC and uuid filled in), built as
// objects so the planner is tested apart from the XML parser.
import type { ForwardMode, IpDef, NetworkDef } from '../../../core/model/network.js';
import type { HostFacts, PlanContext, StopContext } from '../../../core/plan/index.js';

export function v4Ip(net = '192.168.122', extra: Partial<IpDef> = {}): IpDef {
  return {
    address: `${net}.1`,
    netmask: '255.255.255.0',
    dhcp: { ranges: [{ start: `${net}.2`, end: `${net}.254` }], hosts: [] },
    ...extra,
  };
}

export function network(mode: ForwardMode | 'isolated', over: Partial<NetworkDef> = {}): NetworkDef {
  return {
    name: 'lab',
    uuid: '2f7e3b1c-0d6a-4e8f-9b2a-1c3d4e5f6a7b',
    ...(mode === 'isolated' ? {} : { forward: { mode, interfaces: [], pfs: [], addresses: [] } }),
    bridge: { name: 'virbr7', stp: 'off', delay: 0 },
    mac: { address: '52:54:00:aa:bb:cc' },
    ips: [v4Ip()],
    routes: [],
    portgroups: [],
    ...over,
  };
}

export const noFacts: HostFacts = { links: ['lo', 'eth0'], routes: [], activeNetworks: [] };

export const ctx: PlanContext = {
  stateDir: '/var/lib/switchyard/dnsmasq',
  runDir: '/run/switchyard/networks',
  pidFile: '/run/switchyard/networks/lab.pid',
  rootId: '0123456789ab',
  persistent: true,
};

export const stopCtx: StopContext = {
  stateDir: ctx.stateDir,
  pidFile: ctx.pidFile,
  portsFile: '/run/switchyard/networks/lab.ports',
};
