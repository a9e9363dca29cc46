// The app keeps asking the doctor while a window is open, because what breaks a
// network usually arrives later: Docker or ufw starting and setting FORWARD to DROP, a
// reload of /etc/nftables.conf flushing our table. Every tick (a bound interval) reads
// the report through whoever makes changes (the helper, or the in-process engine as
// root), puts back our own rules when they went missing (health-decision.ts says which
// findings qualify), and pushes the report to the windows when it changed.
import type { HealthNews, HealthReportData, HelperStatusView, RepairAction } from '../../contract/ipc.js';
import { decideRepair, repairedBy, shouldCheck } from './health-decision.js';

export interface HealthWatchOptions {
  doctor: () => Promise<HealthReportData>;
  repair: (actions: RepairAction[]) => Promise<HealthReportData>;
  activeNetworks: () => number;
  helperState: () => HelperStatusView['state'];
  intervalMs?: number;
  onError?: (err: unknown) => void;
}

type Listener = (news: HealthNews) => void;

export const HEALTH_INTERVAL_MS = 15_000;

export class HealthWatch {
  private readonly listeners = new Set<Listener>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private tried: ReadonlySet<string> = new Set();
  private lastText = '';
  private last: HealthNews | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly opts: HealthWatchOptions) {}

  /** The first listener starts the ticks (one at once); the last one's unsubscribe stops them. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.last) listener(this.last);
    if (!this.timer) {
      this.timer = setInterval(() => void this.tick(), this.opts.intervalMs ?? HEALTH_INTERVAL_MS);
      this.timer.unref?.();
      void this.tick();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.close();
    };
  }

  /** One check (and safe repair); a tick while another runs waits for that one instead. */
  tick(): Promise<void> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** A report somebody else asked for (the Health view's button) is news to the other windows too. */
  record(report: HealthReportData, repaired: HealthNews['repaired'] = []): void {
    const news = { report, repaired };
    const text = JSON.stringify(news);
    if (text === this.lastText) return;
    this.lastText = text;
    this.last = news;
    for (const l of this.listeners) l(news);
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.listeners.clear();
    this.lastText = '';
    this.last = undefined;
  }

  private async check(): Promise<void> {
    if (!shouldCheck(this.opts.activeNetworks(), this.opts.helperState())) return;
    try {
      const found = await this.opts.doctor();
      const decision = decideRepair(found, this.tried);
      this.tried = decision.tried;
      if (decision.repair.length === 0) return this.record(found);
      const after = await this.opts.repair(decision.repair);
      this.record(after, repairedBy(found, after));
    } catch (err) {
      this.opts.onError?.(err);
    }
  }
}
