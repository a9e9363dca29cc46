// Real VMs on a Switchyard network: QEMU booting only SeaBIOS and the iPXE ROM of its
// virtio-net NIC, attached through qemu-bridge-helper as an unprivileged user's VM
// would be (the helper checks its access list for every caller). The VM is refused
// while the network does not allow it, gets its static <host> address once it does,
// netboots the iPXE script of <tftp root>/<bootp file>, shows in net-ports with its
// tap and MAC, and stays attached through a restart. One VM at a time (TCG is CPU
// heavy), killed by PID in afterAll; the machine's /etc/qemu/bridge.conf is put back.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkPorts } from '../../host/readers/network-ports.js';
import { pollUntil } from '../support/poll-until.js';
import { type CliRunner, cliIn } from './harness/cli-runner.js';
import { ensureBuilt, writeXml } from './harness/engine-client.js';
import { skipReason } from './harness/preconditions.js';
import { bootVm, qemuSkipReason, type Vm } from './harness/qemu-vm.js';
import { type SystemBridgeConf, takeSystemBridgeConf } from './harness/system-bridge-conf.js';
import { createTopology, type Topology } from './harness/topology.js';

const MAC = '52:54:00:5a:00:01';
const STATIC_IP = '192.168.190.77';
const MARKER = 'SWITCHYARD-NETBOOT-MARKER';
/** TCG is slow and the machine shared: the bound only decides how soon a broken run fails. */
const VM_WAIT = { timeoutMs: 240_000, everyMs: 200 };

function networkXml(tftpRoot: string): string {
  return `<network>
  <name>vms</name>
  <forward mode='nat'/>
  <bridge name='syvm0' stp='off' delay='0'/>
  <ip address='192.168.190.1' netmask='255.255.255.0'>
    <tftp root='${tftpRoot}'/>
    <dhcp>
      <range start='192.168.190.10' end='192.168.190.99'/>
      <host mac='${MAC}' name='ipxe' ip='${STATIC_IP}'/>
      <bootp file='boot.ipxe'/>
    </dhcp>
  </ip>
</network>
`;
}

// The script iPXE fetches over TFTP: it proves it ran by printing the marker with the
// address it got, then idles with the NIC open, so the VM answers pings.
const BOOT_SCRIPT = `#!ipxe
echo ${MARKER} \${net0/ip}
:idle
sleep 1
goto idle
`;

describe.skipIf(skipReason !== undefined || qemuSkipReason !== undefined)('real VMs on a network', () => {
  let topo: Topology;
  let sy: CliRunner;
  let systemConf: SystemBridgeConf | undefined;
  let vm: Vm | undefined;
  const serialLog = () => join(topo.dirs.root, 'vm-serial.log');
  const leaseOf = async (mac: string) => {
    const leases = await sy.json<{ mac?: string; ip: string }[]>(['net-dhcp-leases', 'vms', '--json']);
    return leases.find((l) => l.mac === mac)?.ip;
  };

  beforeAll(async () => {
    await ensureBuilt();
    topo = await createTopology();
    const qemuDir = topo.dirs.qemu;
    sy = cliIn(topo);
    // The helper reads only /etc/qemu/bridge.conf: ours includes the test's directory,
    // where Switchyard manages a bridge.conf of its own as it would /etc/qemu's.
    systemConf = takeSystemBridgeConf();
    systemConf.write(`include ${qemuDir}/bridge.conf\n`);
    mkdirSync(qemuDir, { recursive: true });
    writeFileSync(join(qemuDir, 'bridge.conf'), '# the test machine\n');
    const tftp = join(topo.dirs.root, 'tftp');
    mkdirSync(tftp, { recursive: true, mode: 0o755 });
    writeFileSync(join(tftp, 'boot.ipxe'), BOOT_SCRIPT, { mode: 0o644 });
    await sy.ok(['net-define', writeXml(topo, 'vms', networkXml(tftp))]);
    await sy.ok(['net-start', 'vms']);
  });
  afterAll(async () => {
    await vm?.kill();
    systemConf?.restore();
    await topo?.cleanup();
  });

  it('refuses a VM through qemu-bridge-helper while the network does not allow unprivileged users', async () => {
    const refused = bootVm(topo.host, { bridge: 'syvm0', mac: MAC, serialLog: serialLog() });
    const exit = await refused.exited;
    expect(exit.code).not.toBe(0);
    expect(refused.stderr()).toMatch(/access denied by acl file/);
  });

  it('attaches it once the setting is on, and it gets its static <host> address', async () => {
    await sy.ok(['net-user-attach', 'vms', '--on']);
    vm = bootVm(topo.host, { bridge: 'syvm0', mac: MAC, serialLog: serialLog() });
    const running = vm;
    const ip = await pollUntil(
      'the VM to get a lease',
      async () => {
        if (running.stderr().includes('failed')) throw new Error(`QEMU: ${running.stderr()}`);
        return leaseOf(MAC);
      },
      VM_WAIT,
    );
    console.log(
      `VM power-on to lease: ${((performance.now() - running.startedAt) / 1000).toFixed(1)} s (TCG)`,
    );
    expect(ip).toBe(STATIC_IP);
  });

  it('netboots it: iPXE fetches the <bootp file> from <tftp root> and runs it', async () => {
    const running = vm as Vm;
    const line = await pollUntil(
      'the netboot marker on the serial console',
      // Only whole lines: the console arrives in chunks, and a line read before its
      // newline may hold half the address.
      () =>
        running
          .serial()
          .split('\n')
          .slice(0, -1)
          .find((l) => l.includes(MARKER)),
      VM_WAIT,
    );
    expect(line.trim()).toBe(`${MARKER} ${STATIC_IP}`);
  });

  it("net-ports lists the VM's tap with its MAC, lease and QEMU process", async () => {
    const view = await sy.json<NetworkPorts>(['net-ports', 'vms', '--json']);
    expect(view.ports).toEqual([
      expect.objectContaining({
        kind: 'tun',
        guestMacs: [MAC],
        leases: [expect.objectContaining({ mac: MAC, ip: STATIC_IP })],
        vm: expect.objectContaining({ source: 'qemu', pid: vm?.pid, mac: MAC }),
      }),
    ]);
  });

  it('keeps it attached through a restart (net-destroy, net-start)', async () => {
    const tap = (await sy.json<NetworkPorts>(['net-ports', 'vms', '--json'])).ports[0]?.port ?? '';
    await sy.ok(['net-destroy', 'vms']);
    await sy.ok(['net-start', 'vms']);
    const after = await sy.json<NetworkPorts>(['net-ports', 'vms', '--json']);
    expect(after.ports.map((p) => p.port)).toEqual([tap]);
    console.log(`VMs re-attached after restart: ${after.ports.length}`);
    // The VM never noticed: it answers at its address on the new bridge.
    expect(await pollUntil('the VM to answer a ping', () => topo.ping(topo.host, STATIC_IP), VM_WAIT)).toBe(
      true,
    );
  });
});
