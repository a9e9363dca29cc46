// Unsaved edits in the XML editor are not lost by a click elsewhere: whoever navigates
// (another network, the wizard, closing the tab) asks first.
import { confirmation } from '../../app/confirm.svelte.js';

class UnsavedState {
  /** The network whose XML has unapplied edits, if any. */
  network = $state<string | undefined>(undefined);

  async confirmLeave(): Promise<boolean> {
    if (this.network === undefined) return true;
    const yes = await confirmation.ask({
      title: 'Discard unsaved changes?',
      body: `The XML of ${this.network} has changes that were not applied. Leaving discards them.`,
      confirmLabel: 'Discard changes',
      danger: true,
    });
    if (yes) this.network = undefined;
    return yes;
  }
}

export const unsaved = new UnsavedState();

window.addEventListener('beforeunload', (e) => {
  if (unsaved.network !== undefined) e.preventDefault();
});
