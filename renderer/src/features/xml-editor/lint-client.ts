// Asks the lint worker; when no worker can be started (an old shell's CSP, a test
// page), lints in place, so markers never silently disappear.
import { type LintProblem, lintNetworkXml } from './lint.js';

export interface LintResult {
  problems: LintProblem[];
  /** Time core spent, wherever it ran. */
  ms: number;
}

let worker: Worker | undefined;
let failed = false;
let nextId = 1;
const waiting = new Map<number, (r: LintResult) => void>();

function start(): Worker | undefined {
  if (worker || failed) return worker;
  try {
    worker = new Worker(new URL('./lint-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number } & LintResult>) => {
      waiting.get(e.data.id)?.({ problems: e.data.problems, ms: e.data.ms });
      waiting.delete(e.data.id);
    };
    worker.onerror = () => {
      failed = true;
      worker = undefined;
      for (const [id, done] of waiting) done(lintHere(pendingText.get(id) ?? ''));
      waiting.clear();
    };
  } catch {
    failed = true;
  }
  return worker;
}

const pendingText = new Map<number, string>();

function lintHere(text: string): LintResult {
  const t0 = performance.now();
  return { problems: lintNetworkXml(text), ms: performance.now() - t0 };
}

export function lintAsync(text: string): Promise<LintResult> {
  const w = start();
  if (!w) return Promise.resolve(lintHere(text));
  const id = nextId++;
  pendingText.set(id, text);
  return new Promise((resolve) => {
    waiting.set(id, (r) => {
      pendingText.delete(id);
      resolve(r);
    });
    w.postMessage({ id, text });
  });
}
