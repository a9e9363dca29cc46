// The CodeMirror 6 editor for network XML, loaded on demand (its own chunk) so the
// list opens fast. Lint comes from core (the CLI's messages, markers at line:column),
// completion from the schema, and the diff against the saved definition is
// CodeMirror's unified merge view, switched on and off in place.
import { xml } from '@codemirror/lang-xml';
import { syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, forceLinting, linter, lintGutter } from '@codemirror/lint';
import { unifiedMergeView } from '@codemirror/merge';
import { Compartment, EditorState, Text } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import type { LintProblem } from './lint.js';
import { lintAsync } from './lint-client.js';
import { networkElements } from './network-schema.js';

export interface XmlEditorOptions {
  doc: string;
  /** The saved definition the diff compares with ('' for a new network). */
  saved: string;
  label: string;
  /** Whether the text differs from the saved copy; told on every change (cheap: no string copy). */
  onDirty(dirty: boolean): void;
  onProblems(problems: LintProblem[]): void;
  onApply(): void;
}

export interface XmlEditorHandle {
  text(): string;
  /** Replaces the text and the saved copy (after Apply, or another network). */
  reset(doc: string, saved: string): void;
  /** A new saved copy under the user's text, which stays (keep mine). */
  setSaved(saved: string): void;
  /** The diff shows the text against ORIGINAL (another version) or, undefined, the saved copy. */
  showDiff(on: boolean, original?: string): void;
  focus(): void;
  destroy(): void;
}

/** Marks from the reported column to the end of the word there (at least one character). */
export function diagnosticFor(doc: Text, p: LintProblem): Diagnostic {
  const line = doc.line(Math.min(Math.max(1, p.at.line), doc.lines));
  const from = line.from + Math.min(Math.max(0, p.at.col - 1), line.length);
  const rest = line.text.slice(from - line.from);
  const word = /^[^\s>]*>?/.exec(rest)?.[0].length ?? 0;
  return {
    from,
    to: Math.min(line.to, from + Math.max(1, word)),
    severity: 'error',
    message: p.message,
    source: 'switchyard',
  };
}

const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--panel)', color: 'var(--text)', fontSize: '12.5px' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-gutters': {
    backgroundColor: 'var(--panel-2)',
    color: 'var(--muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-activeLine, .cm-activeLineGutter': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 8%, transparent)',
  },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 25%, transparent) !important',
  },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-deletedChunk': { backgroundColor: 'color-mix(in srgb, var(--danger) 12%, transparent)' },
});

export function createXmlEditor(parent: HTMLElement, opts: XmlEditorOptions): XmlEditorHandle {
  const diff = new Compartment();
  let saved = opts.saved;
  let savedDoc = Text.of(saved.split('\n'));
  let diffOn = false;
  let diffAgainst: string | undefined;
  const diffExtension = () => (diffOn ? mergeView(diffAgainst ?? saved) : []);
  const lint = linter(
    async (view) => {
      const doc = view.state.doc;
      const { problems } = await lintAsync(doc.toString());
      // A result for a document that has changed since is dropped by CodeMirror; match it.
      if (view.state.doc === doc) opts.onProblems(problems);
      return problems.map((p) => diagnosticFor(doc, p));
    },
    { delay: 100 },
  );
  const applyKey = () => {
    opts.onApply();
    return true;
  };
  const makeState = (doc: string) =>
    EditorState.create({
      doc,
      extensions: [
        keymap.of([{ key: 'Mod-s', preventDefault: true, run: applyKey }]),
        basicSetup,
        xml({ elements: networkElements }),
        syntaxHighlighting(classHighlighter),
        lint,
        lintGutter(),
        theme,
        diff.of(diffExtension()),
        EditorView.contentAttributes.of({ 'aria-label': opts.label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) opts.onDirty(!u.state.doc.eq(savedDoc));
        }),
      ],
    });
  const view = new EditorView({ parent, state: makeState(opts.doc) });
  forceLinting(view);
  return {
    text: () => view.state.doc.toString(),
    reset(doc, newSaved) {
      saved = newSaved;
      diffAgainst = undefined;
      savedDoc = Text.of(saved.split('\n'));
      view.setState(makeState(doc));
      forceLinting(view);
    },
    setSaved(newSaved) {
      saved = newSaved;
      savedDoc = Text.of(saved.split('\n'));
      view.dispatch({ effects: diff.reconfigure(diffExtension()) });
      opts.onDirty(!view.state.doc.eq(savedDoc));
    },
    showDiff(on, original) {
      diffOn = on;
      diffAgainst = original;
      view.dispatch({ effects: diff.reconfigure(diffExtension()) });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}

function mergeView(original: string) {
  return unifiedMergeView({ original, mergeControls: false, gutter: true, syntaxHighlightDeletions: true });
}
