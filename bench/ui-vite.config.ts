// Builds the in-browser lint bench page (renderer/src/bench) with the renderer's own
// toolchain, so it measures the code the editor really runs.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('../renderer/src/bench', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../dist/bench-ui', import.meta.url)),
    emptyOutDir: true,
    lib: {
      entry: fileURLToPath(new URL('../renderer/src/bench/lint-bench.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'lint-bench.js',
    },
  },
});
