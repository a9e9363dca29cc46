// Real VMs for the tests: QEMU from Debian booting only its firmware (SeaBIOS and
// the iPXE ROM of a virtio-net NIC), whose DHCP client is the guest. TCG, 128 MB,
// no display; the serial console goes to a file the test reads. The NIC attaches
// through qemu-bridge-helper (-netdev bridge), as an unprivileged user's VM would.
// One VM at a time: TCG is CPU heavy. The exit promise is taken at spawn; kill()
// ends the VM by PID and waits for it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { type ChildExit, exitOf } from '../../support/child-exit.js';

const QEMU = '/usr/bin/qemu-system-x86_64';
const HELPER = '/usr/lib/qemu/qemu-bridge-helper';
const VIRTIO_ROM = '/usr/lib/ipxe/qemu/efi-virtio.rom';

/** Why VMs cannot run here, or undefined. */
export const qemuSkipReason: string | undefined = [QEMU, HELPER, VIRTIO_ROM]
  .filter((f) => !existsSync(f))
  .map((f) => `${f} is missing (apt-get install qemu-system-x86 ipxe-qemu)`)[0];

export interface Vm {
  pid: number;
  exited: Promise<ChildExit>;
  /** What the firmware printed on the serial console so far (CRs removed). */
  serial(): string;
  /** QEMU's own stderr (e.g. the bridge helper's refusal). */
  stderr(): string;
  /** Powered on at (performance.now()). */
  startedAt: number;
  kill(): Promise<void>;
}

export function bootVm(hostNs: string, opts: { bridge: string; mac: string; serialLog: string }): Vm {
  const args = [
    ...['netns', 'exec', hostNs, QEMU, '-accel', 'tcg', '-m', '128', '-nographic', '-boot', 'n'],
    ...['-netdev', `bridge,id=n0,br=${opts.bridge}`, '-device', `virtio-net-pci,netdev=n0,mac=${opts.mac}`],
    ...['-serial', `file:${opts.serialLog}`, '-monitor', 'none', '-display', 'none'],
  ];
  const startedAt = performance.now();
  // `ip netns exec` execs QEMU: the child's PID is the VM's.
  const child = spawn('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = exitOf(child);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
  });
  return {
    pid: child.pid ?? -1,
    exited,
    startedAt,
    serial: () => {
      try {
        return readFileSync(opts.serialLog, 'utf8').replace(/\r/g, '');
      } catch {
        return '';
      }
    },
    stderr: () => stderr,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
