// What an open editor does when the saved definition it edits changes underneath it
// (the CLI, another window, a form): never replace the user's text. Without edits, or
// when the new text is what the user typed anyway, it simply follows; otherwise the
// user decides (keep mine, take theirs, show the diff).
export type Underneath = 'unchanged' | 'follow' | 'ask';

/** BASE is the saved text the editor started from, THEIRS the saved text now, MINE the editor's. */
export function changeUnderneath(base: string, theirs: string, mine: string): Underneath {
  if (theirs === base) return 'unchanged';
  if (mine === base || mine === theirs) return 'follow';
  return 'ask';
}
