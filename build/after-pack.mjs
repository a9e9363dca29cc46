// electron-builder afterPack hook: the CLI and the root helper go into
// resources/tools/ as plain files, outside app.asar, so that the root helper runs
// with the app's Electron binary as plain Node (ELECTRON_RUN_AS_NODE=1) and needs no
// asar support. Only what they import is copied: compiled core, contract, host,
// helper and cli, zod, the native process starter when it was built, and a
// package.json that marks the tree as ES modules.
import { copyFileSync, cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const LAYERS = ['core', 'contract', 'host', 'helper', 'cli'];
const skipped = /\.(map|d\.ts|tsbuildinfo)$/;

export async function afterPack(context) {
  if (context.electronPlatformName !== 'linux') return;
  const project = context.packager.projectDir;
  const tools = join(context.appOutDir, 'resources', 'tools');
  for (const layer of LAYERS) {
    cpSync(join(project, 'dist', layer), join(tools, 'dist', layer), {
      recursive: true,
      filter: (src) => !skipped.test(src),
    });
  }
  cpSync(join(project, 'node_modules', 'zod'), join(tools, 'node_modules', 'zod'), {
    recursive: true,
    // The helper imports zod as an ES module: its CommonJS twin and sources stay out.
    filter: (src) =>
      !skipped.test(src) &&
      !/\.(cjs|d\.cts)$/.test(src) &&
      !/[\\/]src([\\/]|$)/.test(src.slice(project.length)),
  });
  copyFileSync(join(project, 'build', 'linux', 'tools-package.json'), join(tools, 'package.json'));
  // N-API: the same build loads in the app's Electron run as Node.
  const addon = join('native', 'build', 'Release', 'switchyard_native.node');
  if (existsSync(join(project, addon))) {
    mkdirSync(join(tools, 'native', 'build', 'Release'), { recursive: true });
    copyFileSync(join(project, addon), join(tools, addon));
  }
}
