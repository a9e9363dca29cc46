// `npm test` needs a few Debian packages for the namespace and browser tests. As root
// (CI, or a developer box where you ran npm test with sudo) it installs what is
// missing with apt-get; otherwise it says what to install, and the tests that need
// root or those programs skip with that reason.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needs = [
  { bin: '/usr/sbin/dnsmasq', pkg: 'dnsmasq-base' },
  { bin: '/usr/sbin/nft', pkg: 'nftables' },
  { bin: '/usr/sbin/ip', alt: '/sbin/ip', pkg: 'iproute2' },
  { bin: '/bin/busybox', alt: '/usr/bin/busybox', pkg: 'busybox' },
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/bin/pkexec', pkg: 'pkexec' },
  { bin: '/usr/lib/polkit-1/polkitd', pkg: 'polkitd' },
  { bin: '/usr/bin/dbus-daemon', pkg: 'dbus' },
  // Real VMs (firmware only: SeaBIOS and iPXE) and throughput under <bandwidth>.
  { bin: '/usr/bin/qemu-system-x86_64', pkg: 'qemu-system-x86' },
  { bin: '/usr/lib/ipxe/qemu/efi-virtio.rom', pkg: 'ipxe-qemu' },
  { bin: '/usr/bin/iperf3', pkg: 'iperf3' },
];

const missing = needs.filter((n) => !existsSync(n.bin) && !(n.alt && existsSync(n.alt))).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (!isRoot) {
  console.warn(`switchyard tests: missing Debian packages: ${missing.join(' ')}`);
  console.warn(`  install them with: sudo apt-get install ${missing.join(' ')}`);
  console.warn('  (tests that need them, or root, are skipped with that reason)');
  process.exit(0);
}
console.log(`switchyard tests: installing ${missing.join(' ')} with apt-get`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], {
  stdio: 'inherit',
  env,
});
