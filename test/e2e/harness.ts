/**
 * End-to-end harness: builds the static site once per run of the inputs (guarded by a lock so
 * parallel test files share it), serves it with `vite preview` over a chosen dataset folder, or
 * serves the sources with the dev server as `npm start` does (`serveDev`), and drives Debian's
 * Chromium through playwright-core. Every page fails its test on a console error, a page error
 * or a Content-Security-Policy violation. Screenshots go to test-output/.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { vi } from 'vitest';
import { build, createServer, preview } from 'vite';
import type { PreviewServer } from 'vite';
import { ROOT } from '../helpers.ts';

export const OUTPUT = `${ROOT}test-output/`;

/**
 * How long a condition may take before a test fails: long, because the tests wait on conditions
 * (a drawn graph, a visible element, a count), never on fixed delays, and on a loaded machine a
 * build or a first frame can take many times its usual second. A passing test never waits this
 * long; only a failing one does.
 */
export const PATIENCE = 120_000;
// Every e2e file imports the harness: its tests, hooks and expect.poll get the same patience
// (expect.poll's own default, one second, is what made a loaded run fail). The benchmarks import
// it too, outside vitest, where there is nothing to configure.
if (process.env.VITEST) vi.setConfig({ testTimeout: 3 * PATIENCE, hookTimeout: 3 * PATIENCE, expect: { poll: { timeout: PATIENCE, interval: 50 } } });
const SITE = `${OUTPUT}e2e-site/`;
const STAMP = `${SITE}.built`;
const LOCK = `${OUTPUT}e2e-site.lock`;
export const CHROMIUM = '/usr/bin/chromium';

/** Newest modification time under the files that make the site. */
function newestInput(): number {
  let newest = 0;
  const visit = (path: string) => {
    const s = statSync(path);
    if (s.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, s.mtimeMs);
  };
  // The whole of src/: the page's build worker bundles the reader and the graph core too.
  for (const p of ['index.html', 'vite.config.ts', 'src', 'package-lock.json']) visit(ROOT + p);
  return newest;
}

/** Builds the site into test-output/e2e-site/ unless a build newer than its inputs is there. */
export async function buildSite(): Promise<string> {
  mkdirSync(OUTPUT, { recursive: true });
  for (let waited = 0; ; waited += 200) {
    if (existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestInput()) return SITE;
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building: wait for its stamp (a lock older than 10 minutes is stale:
      // a build on a loaded machine can take minutes, and two builds would share one folder).
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 5 * PATIENCE) rmSync(LOCK, { recursive: true, force: true });
      if (waited > 6 * PATIENCE) throw new Error(`e2e: gave up waiting for ${LOCK}`);
      await sleep(200);
    }
  }
  try {
    await build({ root: ROOT, configFile: `${ROOT}vite.config.ts`, logLevel: 'warn', build: { outDir: SITE, emptyOutDir: true } });
    writeFileSync(STAMP, '');
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return SITE;
}

/** Serves the built site with `vite preview`, the dataset folder under /dataset/. */
export async function serve(datasetDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const site = await buildSite();
  process.env.CABLEGRAPH_DATASET = datasetDir;
  // vite.config.ts reads the variable when it is loaded, which preview() does now.
  const server: PreviewServer = await preview({
    root: ROOT,
    configFile: `${ROOT}vite.config.ts`,
    logLevel: 'warn',
    build: { outDir: site },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('e2e: vite preview gave no URL');
  return { url, close: () => server.close() };
}

/**
 * Serves the page from its sources with vite's dev server, as `npm start` does (bin/start.js
 * calls the same createServer with the same config), the dataset folder under /dataset/.
 */
export async function serveDev(datasetDir: string): Promise<{ url: string; close(): Promise<void> }> {
  process.env.CABLEGRAPH_DATASET = datasetDir;
  const server = await createServer({ root: ROOT, configFile: `${ROOT}vite.config.ts`, logLevel: 'warn', server: { port: 0, host: '127.0.0.1', strictPort: false } });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('e2e: the vite dev server gave no URL');
  return { url, close: () => server.close() };
}

export type ServeMode = 'static' | 'dev';
/** The page served both ways the project serves it: the static build, and `npm start`'s dev server. */
export const SERVE_MODES: readonly ServeMode[] = ['static', 'dev'];
export const serveAs = (mode: ServeMode, datasetDir: string) => (mode === 'dev' ? serveDev(datasetDir) : serve(datasetDir));

let shared: Promise<Browser> | null = null;

export function browser(): Promise<Browser> {
  shared ??= chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--disable-gpu-compositing'],
  });
  return shared;
}

export async function closeBrowser(): Promise<void> {
  if (shared) await (await shared).close();
  shared = null;
}

/** A test file's afterAll: its pages, the shared browser, then its servers. */
export async function closeAll(pages: readonly WatchedPage[], servers: readonly ({ close(): Promise<void> } | undefined)[]): Promise<void> {
  for (const w of pages) await w.close();
  await closeBrowser();
  for (const s of servers) await s?.close();
}

export interface WatchedPage {
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** A new page in a fresh context that records every console error and uncaught error. */
export async function openPage(url: string, viewport = { width: 1400, height: 860 }): Promise<WatchedPage> {
  const context = await (await browser()).newContext({ viewport, deviceScaleFactor: 1 });
  context.setDefaultTimeout(PATIENCE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  // Chromium logs most violations to the console, but not all (a blocked style from a
  // report-only or meta policy can be silent): the event itself is the sure sign.
  await page.exposeFunction('__cspViolation', (text: string) => errors.push(`csp: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __cspViolation(t: string): Promise<void> }).__cspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  await page.goto(url);
  return { page, errors, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT, { recursive: true });
  const path = `${OUTPUT}${name}.png`;
  await page.screenshot({ path });
  return path;
}

/**
 * Waits until sigma has drawn the graph (the page marks its first frame) and the explorer is
 * open (it then gives scripts the renderer; input before that changes nothing).
 */
export async function graphDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('cablegraph:first-frame').length > 0 && window.cablegraph !== undefined, null, { timeout: PATIENCE });
}

/**
 * Waits until the camera has stopped moving (a selection animates it to the node) and a frame
 * has been drawn since: the condition screenshots and positions need, however slow the machine.
 */
export async function cameraSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.cablegraph !== undefined && !window.cablegraph.sigma.getCamera().isAnimated());
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Viewport position of a node, from the renderer the page exposes for scripts. */
export async function nodePosition(page: Page, key: string): Promise<{ x: number; y: number }> {
  return page.evaluate((k) => {
    const sigma = window.cablegraph!.sigma;
    const d = sigma.getNodeDisplayData(k);
    if (!d) throw new Error(`no node ${k}`);
    const p = sigma.framedGraphToViewport(d);
    const box = sigma.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, key);
}
