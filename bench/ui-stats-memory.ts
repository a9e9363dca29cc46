// Renderer memory for statistics: 50 bridges with an hour of 1 s history each, held
// the way the Statistics tab holds them (renderer/src/features/stats/rate-series.ts),
// measured in Debian's Chromium as the JS heap after garbage collection (CDP).
//   npm run build:ts && node dist/bench/ui-stats-memory.js
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './chromium-launch.js';

const BRIDGES = 50;
const POINTS = 3600;
const entry = fileURLToPath(new URL('../../renderer/src/features/stats/rate-series.ts', import.meta.url));

/** The renderer's own RateSeries, bundled as an IIFE that sets globalThis.RateSeries. */
async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['iife'], name: 'StatsBench', fileName: () => 'bench.js' },
    },
  });
  const result = Array.isArray(out) ? out[0] : out;
  const chunk = (result as { output: { code?: string }[] }).output[0];
  if (!chunk?.code) throw new Error('vite produced no code');
  return `${chunk.code}\nglobalThis.RateSeries = StatsBench.RateSeries;`;
}

interface BenchWindow {
  RateSeries: new () => { push(at: number, r: Record<string, number>): void; window(since: number): unknown };
  held?: unknown[];
}

const browser = await chromium.launch({
  executablePath: CHROMIUM_EXECUTABLE,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>stats memory</title>');
  await page.addScriptTag({ content: await bundle() });
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    // Typed arrays keep their data outside the V8 heap: count the backing stores too.
    const u = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    return u.usedSize + (u.backingStorageSize ?? 0);
  };
  const before = await heap();
  const fillMs = await page.evaluate(
    ({ bridges, points }) => {
      const w = globalThis as unknown as BenchWindow;
      const t0 = performance.now();
      w.held = [];
      const start = Date.now() - points * 1000;
      for (let b = 0; b < bridges; b++) {
        const s = new w.RateSeries();
        for (let i = 0; i < points; i++) {
          const v = 1000 + ((i * 7919 + b) % 5000);
          s.push(start + i * 1000, {
            rx_bytes: v,
            tx_bytes: v / 2,
            rx_packets: v / 100,
            tx_packets: v / 200,
            rx_errors: 0,
            tx_errors: 0,
            rx_dropped: i % 97 === 0 ? 1 : 0,
            tx_dropped: 0,
          });
        }
        w.held.push(s);
      }
      return performance.now() - t0;
    },
    { bridges: BRIDGES, points: POINTS },
  );
  const filled = await heap();
  // What one open chart adds: its hour as uPlot's plain arrays.
  const windowMs = await page.evaluate(() => {
    const w = globalThis as unknown as BenchWindow & { chart?: unknown };
    const t0 = performance.now();
    const first = w.held?.[0] as { window(since: number): unknown } | undefined;
    w.chart = first?.window(0);
    return performance.now() - t0;
  });
  const withChart = await heap();
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  process.stdout.write(
    [
      `renderer statistics memory (${BRIDGES} bridges x ${POINTS} s of history, Chromium, JS heap + array buffers after GC):`,
      `  history held:        ${mb(filled - before)} (${((filled - before) / BRIDGES / 1024).toFixed(0)} KB per bridge)`,
      `  one open 1 h chart:  +${mb(withChart - filled)} (uPlot columns, built in ${windowMs.toFixed(1)} ms)`,
      `  total JS heap:       ${mb(withChart)}`,
      `  filling all history: ${fillMs.toFixed(0)} ms`,
      '',
    ].join('\n'),
  );
} finally {
  await browser.close();
}
