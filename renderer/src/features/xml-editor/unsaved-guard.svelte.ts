// Unsaved edits (the XML editor, the settings form) are not lost by a click elsewhere:
// whoever navigates (another network, the wizard, closing the tab) asks first.
import { confirmation } from '../../app/confirm.svelte.js';

/** Who holds edits: each editor of a network registers under its own key. */
export type EditSource = 'xml' | 'settings';

const SOURCE_LABEL: Record<EditSource, string> = { xml: 'XML', settings: 'settings' };

class UnsavedState {
  private held = $state<Partial<Record<EditSource, string>>>({});

  /** The network with unapplied edits, if any. */
  get network(): string | undefined {
    return Object.values(this.held)[0];
  }

  /** NETWORK has unapplied edits in SOURCE (undefined: none any more). */
  mark(source: EditSource, network: string | undefined): void {
    if (this.held[source] === network) return;
    const { [source]: _old, ...rest } = this.held;
    this.held = network === undefined ? rest : { ...rest, [source]: network };
  }

  /** Clears SOURCE only if it still holds NETWORK (a newer editor may hold it now). */
  release(source: EditSource, network: string): void {
    if (this.held[source] === network) this.mark(source, undefined);
  }

  async confirmLeave(): Promise<boolean> {
    const entries = Object.entries(this.held) as [EditSource, string][];
    if (entries.length === 0) return true;
    const what = entries.map(([s, n]) => `the ${SOURCE_LABEL[s]} of ${n}`).join(' and ');
    const yes = await confirmation.ask({
      title: 'Discard unsaved changes?',
      body: `Changes to ${what} were not applied. Leaving discards them.`,
      confirmLabel: 'Discard changes',
      danger: true,
    });
    if (yes) this.held = {};
    return yes;
  }
}

export const unsaved = new UnsavedState();

window.addEventListener('beforeunload', (e) => {
  if (unsaved.network !== undefined) e.preventDefault();
});
