// One playground (namespace world + web shell) per spec file, and the screenshot
// folder the report points at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { type Playground, repoRoot, startPlayground } from '../playground/playground.js';

export const SCREENS = join(repoRoot, 'test-results', 'screens');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

export const test = base.extend<object, { pg: Playground }>({
  pg: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as an object pattern
    async ({}, use) => {
      const pg = await startPlayground({ guests: 1 });
      try {
        await use(pg);
      } finally {
        await pg.stop();
      }
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

export { expect } from '@playwright/test';
export { playgroundSkipReason } from '../playground/playground.js';
