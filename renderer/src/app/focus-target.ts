// After a create or a delete the element that had the focus is gone (the wizard, the
// deleted network's row) or belongs to something else now (the details toolbar of the
// next network), and the browser drops the focus to <body>, where the keyboard does
// nothing. The window instead moves it to the row of the network the user now deals
// with, once the list has caught up with the change.
import { assertNever } from '../../../core/result.js';

export type FocusRequest =
  /** A network was created: its row. */
  | { kind: 'created'; name: string }
  /** A network was deleted: the row selected in its place, or New network when none is left. */
  | { kind: 'deleted'; name: string };

export type FocusTarget = { row: string } | 'new-network';

/**
 * Where the focus goes, or undefined while the list has not caught up (the created row
 * not there yet, the deleted one still there, the selection not yet moved on).
 */
export function focusTarget(
  req: FocusRequest,
  list: { all: readonly string[]; shown: readonly string[]; selected: string | undefined },
): FocusTarget | undefined {
  switch (req.kind) {
    case 'created':
      if (!list.all.includes(req.name)) return undefined;
      // Hidden by the search or the filter: nothing to focus in the list.
      return list.shown.includes(req.name) ? { row: req.name } : 'new-network';
    case 'deleted':
      if (list.all.includes(req.name)) return undefined;
      if (list.shown.length === 0) return 'new-network';
      if (list.selected === undefined || !list.shown.includes(list.selected)) return undefined;
      return { row: list.selected };
    default:
      return assertNever(req, 'focus request');
  }
}
