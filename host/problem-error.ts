// core's Problem as the host's thrown error: one mapping for every place that refuses a
// definition, a plan or an update, so each code reaches the CLI, helper and IPC the same way.
import { assertNever, type Problem } from '../core/result.js';
import { HostError } from './host-error.js';

export function problemError(p: Problem): HostError {
  switch (p.code) {
    case 'conflict':
      return new HostError('conflict', p.message);
    case 'unsupported':
      return new HostError('invalid-input', p.message);
    case 'xml-parse':
    case 'validation':
      return new HostError(p.code, p.message);
    default:
      return assertNever(p.code, 'problem code');
  }
}
