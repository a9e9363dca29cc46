// Whether this window can make changes right now: the page's link to main (the web
// shell's socket) and main's root helper. Both are watched all the time, so the banner
// shows the moment either goes away, not only when an action fails, and clears by
// itself when they are back; what the window knew is then read again.
import type { HelperStatusView } from '../../../contract/ipc.js';
import { call } from '../api/call.js';
import type { ShellLink } from '../api/shell-link.js';

class Connection {
  shellUp = $state(true);
  helper = $state.raw<HelperStatusView>({ state: 'none' });
  private readonly backListeners = new Set<() => void>();
  private watching = false;

  /** The web shell's socket (Electron has none to lose). */
  follow(link: ShellLink): void {
    this.shellUp = link.up;
    link.onChange((up) => {
      this.shellUp = up;
      if (!up) return;
      void this.readHelper();
      for (const l of this.backListeners) l();
    });
  }

  /** Starts following the helper's status (App, once mounted). */
  watchHelper(): void {
    if (this.watching) return;
    this.watching = true;
    window.api.on('helper.changed', (s) => {
      this.helper = s;
    });
    void this.readHelper();
  }

  /** Called each time the page's link is back: main lost this window's subscriptions. */
  onReconnect(listener: () => void): () => void {
    this.backListeners.add(listener);
    return () => this.backListeners.delete(listener);
  }

  async reconnectHelper(): Promise<void> {
    this.helper = await call('helper.reconnect', {}).catch(() => this.helper);
  }

  private async readHelper(): Promise<void> {
    this.helper = await call('helper.status', {}).catch(() => this.helper);
  }
}

export const connection = new Connection();
