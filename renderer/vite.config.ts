import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [svelte()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // The bench reads which chunks the first view loads and which come later (the editor).
    manifest: true,
    // The CSP allows no inline scripts, so no module-preload polyfill either.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
