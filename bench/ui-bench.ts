// Figures for the app, measured in Debian's Chromium: the renderer bundle gzipped (the
// first view vs the code-split editor), the time to render a list of 500 networks once
// the data has arrived, and the lint time per keystroke on 5,000 DHCP hosts.
//   npm run bench:ui
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './chromium-launch.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const rendererDir = join(repo, 'dist/renderer');
const benchDir = join(repo, 'dist/bench-ui');
const ORIGIN = 'http://switchyard.bench';

/** The browser globals the page functions use, typed here: bench/ compiles without the DOM library. */
interface Page$ {
  __t0?: number;
  api?: unknown;
  document: { querySelector(selector: string): unknown };
  requestAnimationFrame(cb: () => void): number;
  lintBench(hosts: number, keystrokes: number): { bytes: number; problems: number; ms: number[] };
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(join(rendererDir, file))).length;
const raw = (file: string) => readFileSync(join(rendererDir, file)).length;

function bundleFigures(): void {
  const manifest = JSON.parse(readFileSync(join(rendererDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error('no entry chunk in the manifest');
  const first = new Set<string>();
  const walk = (key: string) => {
    const c = manifest[key];
    if (!c || first.has(c.file)) return;
    first.add(c.file);
    for (const css of c.css ?? []) first.add(css);
    for (const i of c.imports ?? []) walk(i);
  };
  walk(entryKey);
  // Everything else is loaded later: the editor chunk (dynamic import) and its lint worker.
  const later = new Set(
    readdirSync(join(rendererDir, 'assets'))
      .map((f) => `assets/${f}`)
      .filter((f) => !first.has(f) && /\.(js|css)$/.test(f)),
  );
  const sum = (files: Set<string>, f: (x: string) => number) => [...files].reduce((a, x) => a + f(x), 0);
  console.log('Renderer bundle (dist/renderer, gzip -6):');
  console.log(
    `  first view: ${kb(sum(first, gz))} gzipped (${kb(sum(first, raw))} raw) — ${[...first].join(', ')}`,
  );
  console.log(
    `  editor (loaded on first XML tab): ${kb(sum(later, gz))} gzipped (${kb(sum(later, raw))} raw) — ${[...later].join(', ')}`,
  );
}

function rows(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    name: `net${String(i).padStart(3, '0')}`,
    uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    active: i % 3 !== 0,
    persistent: i % 7 !== 0,
    autostart: i % 2 === 0,
    mode: ['nat', 'route', 'isolated', 'open'][i % 4],
    bridge: `virbr${i}`,
    ipv4: `10.${i >> 8}.${i & 255}.0/24`,
    leaseCount: i % 5,
    portCount: i % 4,
    userAttach: false,
    pendingChanges: i % 11 === 0,
  }));
}

async function serve(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 820 } });
  await context.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/bench-ui/index.html') {
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><script type="module" src="./lint-bench.js"></script>',
      });
    }
    const [dir, rel] = path.startsWith('/bench-ui/')
      ? [benchDir, path.slice(10)]
      : [rendererDir, path.slice(1) || 'index.html'];
    const file = join(dir, rel);
    if (!existsSync(file)) return route.fulfill({ status: 404 });
    const type =
      { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)] ??
      'application/octet-stream';
    return route.fulfill({ status: 200, body: readFileSync(file), contentType: type });
  });
  return context;
}

async function stubbedContext(browser: Browser, data: unknown[], opts: { xml?: string } = {}) {
  const context = await serve(browser);
  // window.api answers from memory; t0 is when the list reaches the renderer.
  await context.addInitScript(
    ({ list, xml }) => {
      const w = globalThis as unknown as Page$;
      w.api = {
        invoke: async (channel: string) => {
          if (channel === 'networks.list') {
            await new Promise((r) => setTimeout(r, 50));
            w.__t0 = performance.now();
            return { ok: true, value: list };
          }
          if (channel === 'host.facts') return { ok: true, value: { interfaces: [], subnetsInUse: [] } };
          if (channel === 'networks.leases') return { ok: true, value: [] };
          if (channel === 'networks.xml') return { ok: true, value: { saved: xml } };
          return { ok: false, error: { code: 'internal', message: 'bench' } };
        },
        on: () => () => {},
      };
    },
    { list: data, xml: opts.xml ?? '' },
  );
  return context;
}

async function listFigures(browser: Browser, n: number, runs: number): Promise<void> {
  const context = await stubbedContext(browser, rows(n));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/index.html`);
    const ms = await page.evaluate(
      (count) =>
        new Promise<number>((resolve) => {
          const w = globalThis as unknown as Page$;
          const check = () => {
            if (
              w.__t0 !== undefined &&
              w.document.querySelector(`table[aria-rowcount="${count + 1}"] tbody tr[data-name]`)
            ) {
              // Two frames later the rows are laid out and painted.
              w.requestAnimationFrame(() =>
                w.requestAnimationFrame(() => resolve(performance.now() - (w.__t0 ?? 0))),
              );
            } else w.requestAnimationFrame(check);
          };
          check();
        }),
      n,
    );
    times.push(ms);
    await page.close();
  }
  await context.close();
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `List of ${n} networks, data arrival -> first screen painted (rows are windowed; ${runs} page loads):`,
  );
  console.log(
    `  median ${sorted[Math.floor(runs / 2)]?.toFixed(1)} ms, worst ${sorted.at(-1)?.toFixed(1)} ms (target < 300 ms)`,
  );
}

async function lintFigures(browser: Browser, hosts: number, keystrokes: number): Promise<void> {
  const context = await serve(browser);
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/bench-ui/index.html`);
  await page.waitForFunction(() => 'lintBench' in globalThis);
  const r = await page.evaluate(
    ([h, k]) => (globalThis as unknown as Page$).lintBench(h!, k!),
    [hosts, keystrokes],
  );
  await context.close();
  const sorted = [...r.ms].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2);
  console.log(
    `Lint per keystroke, ${hosts} DHCP hosts (${kb(r.bytes)} of XML, ${r.problems} problems, ${keystrokes} keystrokes):`,
  );
  console.log(
    `  median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, worst ${sorted.at(-1)?.toFixed(2)} ms (target < 16 ms)`,
  );
}

/** What a user feels: keystroke -> painted frame in the real editor holding 5,000 hosts (lint in its worker). */
async function keystrokeFigures(browser: Browser, hosts: number, keys: number): Promise<void> {
  const xml = await bigXmlFromPage(browser, hosts);
  const context = await stubbedContext(browser, rows(1), { xml });
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/index.html`);
  await page.getByRole('tab', { name: 'XML' }).click();
  await page.locator('.cm-content').waitFor();
  await page.waitForTimeout(1500);
  await page.locator('.cm-line').nth(8).click();
  await page.evaluate(() => {
    const w = globalThis as unknown as Page$ & {
      __keys: number[];
      addEventListener(t: string, f: () => void, c: boolean): void;
    };
    w.__keys = [];
    w.addEventListener(
      'keydown',
      () => {
        const t0 = performance.now();
        w.requestAnimationFrame(() => w.requestAnimationFrame(() => w.__keys.push(performance.now() - t0)));
      },
      true,
    );
  });
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press('x');
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(500);
  const ms = await page.evaluate(() => (globalThis as unknown as { __keys: number[] }).__keys);
  await context.close();
  const sorted = [...ms].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
  console.log(`Keystroke -> next painted frame in the XML editor, ${hosts} DHCP hosts (${ms.length} keys):`);
  console.log(`  median ${pct(0.5)} ms, p95 ${pct(0.95)} ms (lint runs in a worker; a frame is 16.7 ms)`);
}

async function bigXmlFromPage(browser: Browser, hosts: number): Promise<string> {
  const context = await serve(browser);
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/bench-ui/index.html`);
  await page.waitForFunction(() => 'lintBench' in globalThis);
  const xml = await page.evaluate(
    (h) => (globalThis as unknown as { bigDefinition(h: number): string }).bigDefinition(h),
    hosts,
  );
  await context.close();
  return xml;
}

/** How fast this machine is right now, so the figures above can be judged (a desktop: ~30 ms). */
async function calibration(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  const ms = await page.evaluate(() => {
    const t0 = performance.now();
    let x = 0;
    for (let i = 0; i < 3e7; i++) x += i % 7;
    return x > 0 ? performance.now() - t0 : 0;
  });
  await page.close();
  console.log(
    `Machine reference: a 3e7-iteration loop takes ${ms.toFixed(0)} ms in this Chromium (a desktop: ~30 ms).`,
  );
}

bundleFigures();
const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
try {
  await calibration(browser);
  await listFigures(browser, 500, 7);
  await lintFigures(browser, 5000, 40);
  await keystrokeFigures(browser, 5000, 30);
} finally {
  await browser.close();
}
