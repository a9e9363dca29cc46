// A definition being written that is not a network yet: a clone, or an imported file
// that failed and is opened to be fixed. The details pane shows it in the editor.
export interface Draft {
  /** The name it will get (the file's name when the XML has none readable). */
  name: string;
  xml: string;
  /** What the heading says it is. */
  origin: string;
}

class DraftState {
  current = $state<Draft | undefined>(undefined);

  open(draft: Draft): void {
    this.current = draft;
  }

  close(): void {
    this.current = undefined;
  }
}

export const drafts = new DraftState();
