// No module reaches itself through its imports (type-only imports included): a cycle
// makes load order matter and hides which side owns a concept. The layer arrows are
// biome's noRestrictedImports (biome.json overrides); this test catches cycles inside
// a layer, which lint cannot see.
import { describe, expect, it } from 'vitest';
import { importsOf, LAYERS, sourceFiles } from './source-files.js';

function importGraph(): Map<string, string[]> {
  const files = LAYERS.flatMap((layer) => sourceFiles(layer));
  return new Map(files.map((file) => [file, importsOf(file)]));
}

/** Each cycle once, as the path that closes it, by depth-first search. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const visit = (node: string, path: string[]): void => {
    const seen = path.indexOf(node);
    if (seen >= 0) {
      cycles.push([...path.slice(seen), node]);
      return;
    }
    if (done.has(node) || !graph.has(node)) return;
    for (const next of graph.get(node) ?? []) visit(next, [...path, node]);
    done.add(node);
  };
  for (const node of graph.keys()) visit(node, []);
  return cycles;
}

describe('imports', () => {
  it('form no cycle', () => {
    expect(findCycles(importGraph()).map((c) => c.join(' -> '))).toEqual([]);
  });
});
