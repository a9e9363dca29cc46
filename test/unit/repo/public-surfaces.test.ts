// A folder of core/ or host/ with an index.ts shows other layers only what that file
// exports: cli, main, helper, contract and the renderer import the folder, never one of
// its files, so what a folder keeps to itself can change without reaching them. Inside
// a layer, files import each other directly.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, LAYERS, layerOf, ROOT, sourceFiles } from './source-files.js';

/** core/X or host/X for a file inside such a folder. */
function folderOf(file: string): string | undefined {
  const parts = file.split('/');
  return (parts[0] === 'core' || parts[0] === 'host') && parts.length >= 3
    ? `${parts[0]}/${parts[1]}`
    : undefined;
}

function importsPastASurface(): string[] {
  const found: string[] = [];
  for (const file of LAYERS.flatMap((layer) => sourceFiles(layer, true))) {
    for (const target of importsOf(file)) {
      const folder = folderOf(target);
      if (!folder || layerOf(target) === layerOf(file)) continue;
      const surface = `${folder}/index.ts`;
      if (target !== surface && existsSync(join(ROOT, surface))) found.push(`${file} -> ${target}`);
    }
  }
  return found;
}

describe('public surfaces', () => {
  it('other layers import a core/ or host/ folder that has an index.ts only through it', () => {
    expect(importsPastASurface()).toEqual([]);
  });
});
