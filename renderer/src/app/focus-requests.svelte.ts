// The one focus request waiting for the list (focus-target.ts says where it goes).
import type { FocusRequest } from './focus-target.js';

class FocusRequests {
  pending = $state<FocusRequest | undefined>(undefined);

  request(req: FocusRequest): void {
    this.pending = req;
  }

  done(): void {
    this.pending = undefined;
  }
}

export const focusRequests = new FocusRequests();
