// Why a helper never became ready, from pkexec's documented exit codes: 126 means the
// authentication dialog was dismissed, 127 that polkit refused (or found no agent to
// ask). Each message says what the user can do about it.
import { HostError } from '../host-error.js';
import { POLKIT_ACTION } from './helper-command.js';

export interface ExitFacts {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last part of what the launcher and helper wrote to stderr. */
  stderr: string;
  viaPkexec: boolean;
}

export function launchFailure(exit: ExitFacts): HostError {
  const detail = exit.stderr.trim() || undefined;
  if (exit.viaPkexec && exit.code === 126)
    return new HostError(
      'auth-cancelled',
      'authentication was cancelled; networks stay read-only until you authenticate',
      detail,
    );
  if (exit.viaPkexec && exit.code === 127) {
    // Without a password there is no authorization: polkit needed an agent to ask for one.
    if (/authentication agent/i.test(exit.stderr))
      return new HostError(
        'access-denied',
        `not authorized to change networks: polkit found no authentication agent to ask for a password; run this from a terminal or desktop session, ask an administrator to allow ${POLKIT_ACTION} for your user, or run as root`,
        detail,
      );
    return new HostError(
      'access-denied',
      `not authorized to change networks (polkit action ${POLKIT_ACTION}): ask an administrator to allow it for your user, or run the command as root`,
      detail,
    );
  }
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  return new HostError('helper-unavailable', `switchyard-helper ${how} before it was ready`, detail);
}
