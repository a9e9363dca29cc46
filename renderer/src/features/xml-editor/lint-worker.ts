// Lint runs here, off the main thread: core's parse and validate of a definition with
// thousands of DHCP hosts takes longer than a frame, and typing must not wait for it.
import { lintNetworkXml } from './lint.js';

interface Scope {
  onmessage: ((e: { data: { id: number; text: string } }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as Scope;
scope.onmessage = (e) => {
  const t0 = performance.now();
  const problems = lintNetworkXml(e.data.text);
  scope.postMessage({ id: e.data.id, problems, ms: performance.now() - t0 });
};
