// Main answers only its own page: the top frame of our window, loaded from app://.
// An iframe, another window or a page navigated elsewhere gets nothing.
import type { IpcMainInvokeEvent, WebContents } from 'electron';

export const APP_ORIGIN = 'app://switchyard';

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

export function isTrustedSender(event: SenderEvent, ours: WebContents | undefined): boolean {
  const frame = event.senderFrame;
  if (!ours || event.sender !== ours || !frame || frame.parent !== null) return false;
  try {
    return new URL(frame.url).origin === APP_ORIGIN || frame.url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}
