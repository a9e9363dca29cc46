// The libvirt 9.0 side of bench/engine-vs-libvirt.ts. The daemon comes from
// ../shared/tools/libvirt-baseline: its setup.sh and teardown.sh are run as they are,
// with their namespace, state dir and guest prefix pointed at names unique to this
// run, so teardown.sh removes only what this run made.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commOf, rssKb } from './engine-memory.js';
import { type RunResult, run } from './engine-procs.js';

export const LIBVIRT_URI = 'network:///system';

export interface VirshTiming {
  /** The whole virsh process: fork+exec, connect, the call, close. */
  wallMs: number;
  /** What `virsh -t` reports for the command alone. */
  apiMs: number | undefined;
  stdout: string;
}

export interface LibvirtOptions {
  toolsDir: string;
  /** Unique names for this run. */
  netns: string;
  stateDir: string;
  guestPrefix: string;
  wanNetns: string;
  /** Where a stock default.xml can be copied from when /usr/share/libvirt has none. */
  stockXmlFallback: string;
}

export class Libvirt {
  private started = false;
  private daemonPid: number | undefined;

  constructor(readonly opts: LibvirtOptions) {}

  private scriptEnv(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      LV_NS: this.opts.netns,
      LV_STATE: this.opts.stateDir,
      LV_GUEST_PREFIX: this.opts.guestPrefix,
      LV_WAN_NS: this.opts.wanNetns,
    };
  }

  get pid(): number {
    if (this.daemonPid === undefined) throw new Error('libvirtd is not running');
    return this.daemonPid;
  }

  get stockXmlPath(): string {
    return join(this.opts.stateDir, 'default.xml');
  }

  /** Starts libvirtd in our namespace; refuses when any libvirtd runs (one socket per host). */
  async setup(): Promise<string> {
    const other = runningLibvirtd();
    if (other !== undefined)
      throw new Error(
        `a libvirtd is already running (pid ${other}); libvirt has one socket per host, so this bench needs it stopped`,
      );
    this.preseedStockXml();
    this.started = true;
    const out = await run('bash', [join(this.opts.toolsDir, 'setup.sh')], {
      env: this.scriptEnv(),
      timeoutMs: 300_000,
    });
    const pid = Number(readFileSync(join(this.opts.stateDir, 'libvirtd.pid'), 'utf8').trim());
    if (commOf(pid) !== 'libvirtd') throw new Error(`libvirtd pid file names ${pid}, which is not libvirtd`);
    this.daemonPid = pid;
    return out.stdout.trim();
  }

  /**
   * setup.sh downloads libvirt-daemon-config-network for the stock default.xml unless
   * the file is already in its state dir; the reference capture holds that same file.
   */
  private preseedStockXml(): void {
    mkdirSync(this.opts.stateDir, { recursive: true });
    if (!existsSync('/usr/share/libvirt/networks/default.xml') && existsSync(this.opts.stockXmlFallback))
      copyFileSync(this.opts.stockXmlFallback, this.stockXmlPath);
  }

  async teardown(): Promise<void> {
    if (!this.started) return;
    await this.undefineAll(true).catch(() => {});
    await run('bash', [join(this.opts.toolsDir, 'teardown.sh')], {
      env: this.scriptEnv(),
      allowFail: true,
      timeoutMs: 300_000,
      detached: true,
    });
    this.started = false;
  }

  async virsh(...args: string[]): Promise<VirshTiming> {
    const out = await run('virsh', ['-c', LIBVIRT_URI, '-t', ...args]);
    return { wallMs: out.ms, apiMs: apiTime(out.stdout), stdout: out.stdout };
  }

  /** Untimed: many commands through one virsh process (its stdin), as a script would. */
  batch(commands: readonly string[], detached = false): Promise<RunResult> {
    const input = `${commands.join('\n')}\n`;
    return run('virsh', ['-c', LIBVIRT_URI], { input, timeoutMs: 600_000, detached });
  }

  async names(detached = false): Promise<{ all: string[]; active: string[] }> {
    const list = async (...flags: string[]) =>
      (await run('virsh', ['-c', LIBVIRT_URI, 'net-list', ...flags, '--name'], { detached })).stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    return { all: await list('--all'), active: await list() };
  }

  /** Stops and forgets every network of our daemon in two virsh processes. */
  async undefineAll(detached = false): Promise<void> {
    if (this.daemonPid === undefined) return;
    const { all, active } = await this.names(detached);
    if (active.length)
      await this.batch(
        active.map((n) => `net-destroy ${n}`),
        detached,
      );
    if (all.length)
      await this.batch(
        all.map((n) => `net-undefine ${n}`),
        detached,
      );
  }

  daemonRssKb(): number {
    return rssKb(this.pid);
  }

  writeXml(dir: string, name: string, xml: string): string {
    const path = join(dir, `${name}.xml`);
    writeFileSync(path, xml);
    return path;
  }
}

function apiTime(stdout: string): number | undefined {
  const all = [...stdout.matchAll(/^\(Time: ([0-9.]+) ms\)$/gm)];
  const last = all[all.length - 1];
  return last ? Number(last[1]) : undefined;
}

function runningLibvirtd(): number | undefined {
  for (const d of readdirSync('/proc')) {
    if (/^\d+$/.test(d) && commOf(Number(d)) === 'libvirtd') return Number(d);
  }
  return undefined;
}
