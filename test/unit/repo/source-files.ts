// The repository's own sources, layer by layer, and what each imports: shared by the
// tests that guard the design (no cycles, public surfaces, documented variables).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const LAYERS = ['core', 'contract', 'host', 'helper', 'cli', 'main', 'preload', 'renderer/src'];
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm;

/** Every .ts (and, with svelte, .svelte) file under DIR, relative to the root. */
export function sourceFiles(dir: string, svelte = false): string[] {
  const ext = svelte ? /\.(ts|svelte)$/ : /\.ts$/;
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path, svelte);
    return ext.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The files FILE imports, relative to the root, as .ts paths. */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) =>
    relative(ROOT, resolve(dirname(join(ROOT, file)), m[1]!.replace(/\.js$/, '.ts'))),
  );
}

/** The layer FILE belongs to (the longest matching entry of LAYERS). */
export function layerOf(file: string): string | undefined {
  return [...LAYERS].sort((a, b) => b.length - a.length).find((l) => file === l || file.startsWith(`${l}/`));
}
