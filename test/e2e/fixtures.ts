// One playground (namespace world + web shell) per spec file, and the screenshot
// folder the report points at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import {
  type Playground,
  type PlaygroundOptions,
  repoRoot,
  startPlayground,
} from '../playground/playground.js';

/** SWITCHYARD_SCREENS_DIR points a run at another folder (e.g. screens-before, to compare). */
export const SCREENS = process.env.SWITCHYARD_SCREENS_DIR ?? join(repoRoot, 'test-results', 'screens');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`) });
}

export const test = base.extend<object, { pg: Playground; pgOptions: PlaygroundOptions }>({
  // A spec asks for the demo networks or more guests with test.use({ pgOptions: … }).
  pgOptions: [{ guests: 1 }, { scope: 'worker', option: true }],
  pg: [
    async ({ pgOptions }, use) => {
      const pg = await startPlayground(pgOptions);
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
