// What the connection banner says, if anything: the page's own link first (without it
// nothing else can be known), then the root helper.
import type { HelperStatusView } from '../../../contract/ipc.js';
import { assertNever } from '../../../core/result.js';

export interface Banner {
  text: string;
  /** A button that starts the helper now. */
  retry?: string;
}

export function connectionBanner(shellUp: boolean, helper: HelperStatusView): Banner | undefined {
  if (!shellUp) return { text: 'Lost the connection to Switchyard (its web shell stopped). Reconnecting…' };
  switch (helper.state) {
    case 'none':
    case 'idle':
    case 'running':
      return undefined;
    case 'reconnecting':
      return { text: `The privileged helper stopped: ${helper.message}. Starting it again…` };
    case 'down':
      return {
        text: `The privileged helper is not running: ${helper.message}. The next change starts it again (it may ask for your password).`,
        retry: 'Start it now',
      };
    default:
      return assertNever(helper, 'helper status');
  }
}
