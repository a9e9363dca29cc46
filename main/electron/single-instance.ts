// One Switchyard per desktop session: a second start (a launcher clicked twice, the
// desktop file opened again) would be a second window with its own helper and its own
// stale view. It hands over to the first, which comes to the front instead.
import type { App, BrowserWindow } from 'electron';

/** False when another instance holds the lock (this one should quit at once). */
export function holdSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  window: () => BrowserWindow | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const win = window();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
