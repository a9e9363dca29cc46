// Starting and stopping one network's dnsmasq. dnsmasq daemonises itself: the
// process we start exits only after the daemon has bound its sockets, written its
// pid file and dropped to its unprivileged user, or exits non-zero with the reason
// on stderr. So waiting for that exit is both the readiness signal and the error report.
import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { HostError } from '../host-error.js';
import { nativeAddon } from './native-addon.js';
import { describeHolders, portHolders } from './port-holders.js';
import { isRunning, netnsOf, pidsMaybeNamed, readCmdline, readPidFile, sleep } from './proc.js';
import { commandText } from './run-command.js';

const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 3_000;

export async function startDnsmasq(binary: string, args: string[], pidFile: string): Promise<number> {
  const { code, stderr } = await runToExit(binary, args);
  if (code !== 0) {
    const reason = stderr.trim().split('\n')[0] || `exit status ${code}`;
    throw new HostError(
      busyPort(reason) === undefined ? 'host-op-failed' : 'conflict',
      `${portInUse(reason) ?? ''}${commandText(binary, args)} failed: ${reason}`,
      stderr || undefined,
    );
  }
  // The pid file is written before the parent exits; the short poll only covers slow file systems.
  for (let waited = 0; waited < 2_000; waited += 2) {
    const pid = readPidFile(pidFile);
    if (pid !== undefined) return pid;
    await sleep(2);
  }
  throw new HostError(
    'host-op-failed',
    `${commandText(binary, args)} started but wrote no pid file ${pidFile}`,
  );
}

/** The port dnsmasq could not bind, from its message; undefined for other failures. */
function busyPort(reason: string): number | undefined {
  if (!/Address already in use/i.test(reason)) return undefined;
  if (/DHCPv6/i.test(reason)) return 547;
  return /DHCP/i.test(reason) ? 67 : 53;
}

/** "port 53 (DNS) is already in use by PID 812 (named) on 0.0.0.0/udp; " when that is why. */
function portInUse(reason: string): string | undefined {
  const port = busyPort(reason);
  if (port === undefined) return undefined;
  const what = port === 53 ? 'DNS' : 'DHCP';
  const holders = portHolders(port);
  const by = holders.length ? `by ${describeHolders(holders)}` : 'by a socket this namespace does not show';
  return `port ${port} (${what}) is already in use ${by}; `;
}

async function runToExit(binary: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const addon = nativeAddon();
  if (!addon) return runToExitWithChildProcess(binary, args);
  // The native run ends at the exit of the process we started, whoever keeps its stderr.
  const r = await addon.run(binary, args, '', START_TIMEOUT_MS, true);
  if ('error' in r) throw new HostError('host-op-failed', `${commandText(binary, args)} failed: ${r.error}`);
  return { code: r.code, stderr: r.stderr };
}

function runToExitWithChildProcess(
  binary: string,
  args: string[],
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    // stdout is ignored and stderr is read until exit only: the daemon keeps neither,
    // and waiting for the pipes to close could otherwise wait for the daemon itself.
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(new HostError('host-op-failed', `${commandText(binary, args)} failed: ${err.message}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      // Let the last stderr chunk arrive, then stop listening so the daemon cannot hold us.
      setImmediate(() => {
        child.stderr.destroy();
        resolve({ code, stderr });
      });
    });
  });
}

/** Whether PID is a dnsmasq started with exactly this --conf-file. */
export function isOurDnsmasq(pid: number, confFile: string): boolean {
  const argv = readCmdline(pid);
  if (!argv || basename(argv[0] ?? '') !== 'dnsmasq') return false;
  return argv.includes(`--conf-file=${confFile}`) && isRunning(pid);
}

/**
 * SIGTERM only a PID whose command line proves it is this network's dnsmasq (a pid
 * file can be stale, and the daemon's user owns it), then wait until it is gone.
 * Returns false when there was nothing of ours to stop.
 */
export async function stopDnsmasq(pid: number | undefined, confFile: string): Promise<boolean> {
  if (pid === undefined || !isOurDnsmasq(pid, confFile)) return false;
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < STOP_TIMEOUT_MS; waited += 2) {
    if (!isRunning(pid)) return true;
    await sleep(2);
  }
  if (isOurDnsmasq(pid, confFile)) process.kill(pid, 'SIGKILL');
  return true;
}

export interface DnsmasqInstance {
  pid: number;
  confFile: string;
}

/** Every running dnsmasq in our network namespace whose --conf-file lies in stateDir. */
export function findDnsmasqs(stateDir: string): DnsmasqInstance[] {
  const ourNs = netnsOf('self');
  const prefix = `--conf-file=${stateDir.replace(/\/+$/, '')}/`;
  const found: DnsmasqInstance[] = [];
  for (const pid of pidsMaybeNamed('dnsmasq')) {
    const argv = readCmdline(pid);
    if (!argv || basename(argv[0] ?? '') !== 'dnsmasq') continue;
    const conf = argv.find((a) => a.startsWith(prefix));
    if (conf && !conf.slice(prefix.length).includes('/') && netnsOf(pid) === ourNs && isRunning(pid)) {
      found.push({ pid, confFile: conf.slice('--conf-file='.length) });
    }
  }
  return found;
}
