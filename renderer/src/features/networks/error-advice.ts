// What to tell a user about a failure, by error code: one summary line, the advice,
// and, where the app can do it for them, a fix (a free subnet, another bridge name).
import type { IpcError } from '../../../../contract/ipc.js';
import type { NetworkFix } from '../../../../core/define/index.js';

/** What the app can do about a failure for the user; main applies it (networks.applyFix). */
export type Fix = NetworkFix;

export interface Advice {
  summary: string;
  advice: string;
  fix?: Fix;
}

export interface AdviceFacts {
  /** A subnet the wizard would suggest now (no collision with routes or networks). */
  freeSubnet?: string;
}

export function adviceFor(err: IpcError, facts: AdviceFacts = {}): Advice {
  const summary = err.message;
  switch (err.code) {
    case 'conflict':
      return conflictAdvice(err.message, facts);
    case 'access-denied':
      return {
        summary,
        advice:
          'Changing the host needs administrator rights, granted through polkit (action org.switchyard.manage). ' +
          'Ask your administrator to allow your account, or run the web shell as root on a headless host. ' +
          'Until then the app stays usable read-only.',
      };
    case 'auth-cancelled':
      return {
        summary: 'The password prompt was cancelled; nothing was changed.',
        advice: 'Repeat the action and enter your password when asked. Reading networks never needs it.',
      };
    case 'helper-unavailable':
      return {
        summary,
        advice:
          'The Switchyard root helper could not be started. Check that the package is installed completely ' +
          '(helper, polkit policy) and that polkit is running.',
      };
    case 'xml-parse':
    case 'validation':
      return {
        summary,
        advice: 'Fix the definition: the message names the element, the value and its line:column.',
      };
    case 'not-found':
      return {
        summary,
        advice: 'The network is gone (perhaps removed from a terminal). The list shows the current state.',
      };
    case 'host-op-failed':
      return {
        summary,
        advice:
          'A host command failed. Every step already done was undone, so nothing is half-applied. The detail shows the command output.',
      };
    case 'invalid-input':
      return {
        summary,
        advice: 'The app sent a request main refused. This is a bug; please report it with the detail.',
      };
    case 'internal':
      return { summary, advice: 'Something unexpected happened. The detail may help a bug report.' };
  }
}

function conflictAdvice(message: string, facts: AdviceFacts): Advice {
  const subnet = /(\S+\/\d+) is already in use by (interface \S+|network '[^']+')/.exec(message);
  if (subnet) {
    const free = facts.freeSubnet;
    return {
      summary: `Subnet ${subnet[1]} is already used by ${subnet[2]}.`,
      advice: free
        ? `Two networks on one subnet would steal each other's traffic. Use a free subnet such as ${free} instead.`
        : 'Two networks on one subnet would steal each other’s traffic. Choose another subnet in the XML.',
      ...(free ? { fix: { kind: 'free-subnet', subnet: free } as const } : {}),
    };
  }
  const bridge = /bridge name '([^']+)' is already in use/.exec(message);
  if (bridge) {
    return {
      summary: `Bridge name ${bridge[1]} is already taken on this host.`,
      advice: 'Let Switchyard pick the next free virbrN name, or write another name in <bridge name=…>.',
      fix: { kind: 'auto-bridge' },
    };
  }
  if (/already active/.test(message)) return { summary: message, advice: 'Nothing to do: it is running.' };
  if (/not active/.test(message))
    return { summary: message, advice: 'Nothing to do: it is already stopped.' };
  return { summary: message, advice: 'Another network or host interface holds what this one needs.' };
}
