// The same app through Electron, where an Electron binary is installed. Here electron
// is installed for its types only (no binary can be downloaded), so this reports a
// skip with the reason instead of pretending.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { repoRoot } from '../playground/playground.js';

/** The binary the electron package would run, without triggering its download. */
function electronBinary(): string | undefined {
  const pkg = join(repoRoot, 'node_modules/electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const bin = join(override ?? join(pkg, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : undefined;
}

const binary = electronBinary();
const skipReason =
  'no Electron binary installed (node_modules/electron has no dist/ or path.txt: electron is installed for its types only)';
if (binary === undefined) console.warn(`electron e2e: skipped: ${skipReason}`);
test.skip(binary === undefined, skipReason);

test('the Electron window shows the network list', async () => {
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(repoRoot, 'dist/main/electron/main.js')],
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { name: 'Switchyard' })).toBeVisible();
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(await page.evaluate(() => Object.keys((window as unknown as { api: object }).api))).toEqual([
      'invoke',
      'on',
    ]);
  } finally {
    await app.close();
  }
});
