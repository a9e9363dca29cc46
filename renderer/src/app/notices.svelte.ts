// Results the user should see: failures with advice by error code (and a fix the app
// can apply), and short confirmations. Shown in an aria-live region.
import type { IpcError } from '../../../contract/ipc.js';
import { errorOf } from '../api/call.js';
import { type Advice, adviceFor, type Fix } from '../features/networks/error-advice.js';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  title: string;
  advice?: string;
  detail?: string;
  code?: IpcError['code'];
  fix?: Fix;
  /** The network a fix applies to. */
  network?: string;
  /** Something else the user can do about it (open the file in the editor). */
  action?: NoticeAction;
}

export interface NoticeAction {
  label: string;
  run: () => void | Promise<void>;
}

let nextId = 1;

class NoticesState {
  items = $state<Notice[]>([]);

  info(title: string): void {
    this.push({ id: nextId++, kind: 'info', title });
    const id = nextId - 1;
    setTimeout(() => this.dismiss(id), 5000);
  }

  error(action: string, err: unknown, network?: string, freeSubnet?: string, then?: NoticeAction): void {
    const e = errorOf(err);
    const a: Advice = adviceFor(e, freeSubnet ? { freeSubnet } : {});
    this.push({
      id: nextId++,
      kind: 'error',
      title: `${action} failed: ${a.summary}`,
      advice: a.advice,
      code: e.code,
      ...(e.detail ? { detail: e.detail } : {}),
      ...(a.fix ? { fix: a.fix } : {}),
      ...(network ? { network } : {}),
      ...(then ? { action: then } : {}),
    });
  }

  dismiss(id: number): void {
    this.items = this.items.filter((n) => n.id !== id);
  }

  private push(n: Notice): void {
    this.items = [...this.items.slice(-4), n];
  }
}

export const notices = new NoticesState();
