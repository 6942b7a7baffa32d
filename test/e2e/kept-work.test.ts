/**
 * Work done in the page survives a reload until the user discards it: a corpus opened in the
 * page, rebuilt with a lexicon term, and an edit not yet rebuilt come back after a reload, with
 * a note saying they are kept; Discard forgets them. And a dataset that fails to open over an
 * open view leaves that view (and its URL state) on screen, with the error shown.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { packBundle } from '../../src/core/dataset/bundle.ts';
import { SEED_FILE } from '../helpers.ts';
import { seedDataset } from './datasets.ts';
import { OUTPUT, PATIENCE, closeAll, graphDrawn, openPage, screenshot, serve } from './harness.ts';
import type { WatchedPage } from './harness.ts';

let server: { url: string; close(): Promise<void> };
const pages: WatchedPage[] = [];

beforeAll(async () => {
  server = await serve(`${OUTPUT}datasets/none/`);
});

afterAll(() => closeAll(pages, [server]));

const only404 = (errors: string[]) => errors.filter((e) => !/404/.test(e));

async function open(): Promise<WatchedPage> {
  const w = await openPage(server.url);
  pages.push(w);
  await w.page.getByTestId('import-invite').waitFor();
  return w;
}

/** Waits for an import's view newly on screen: more than `views` shown since the page loaded. */
async function imported(page: Page, views: number): Promise<void> {
  await page.waitForFunction((n) => performance.getEntriesByName('cablegraph:import-shown').length > n, views, { timeout: PATIENCE });
}

const viewsShown = (page: Page) => page.evaluate(() => performance.getEntriesByName('cablegraph:import-shown').length);
const nodes = (page: Page) => page.evaluate(() => window.cablegraph!.sigma.getGraph().nodes().sort());

/** The record kept in IndexedDB, summarised: its name, files and pending lexicon text (null: nothing kept). */
function keptRecord(page: Page): Promise<{ name: string; files: string[]; pending: string | null } | null> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('cablegraph', 1);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const get = request.result.transaction('work', 'readonly').objectStore('work').get('current');
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            const w = get.result as { name: string; sources: { name: string }[]; pending: { lexicon: { text: string } } | null } | undefined;
            resolve(w ? { name: w.name, files: w.sources.map((s) => s.name), pending: w.pending?.lexicon.text ?? null } : null);
            request.result.close();
          };
        };
      }),
  );
}

describe('work kept in the browser', () => {
  it('a dropped corpus, a rebuilt lexicon term and an edit not yet rebuilt come back after a reload; Discard forgets them', async () => {
    const w = await open();
    const { page } = w;
    // Looking for kept work creates no database in a browser that kept none.
    expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).toEqual([]);
    await page.getByTestId('import').setInputFiles(SEED_FILE);
    await imported(page, 0);
    const note = page.getByTestId('kept-note');
    await note.waitFor();
    expect(await note.textContent()).toBe('Kept in this browser — Discard');

    await page.getByRole('button', { name: 'Lexicon & aliases' }).click();
    const editor = page.getByTestId('import-editor');
    const addTerm = async (term: string) => {
      await editor.getByLabel('Term').fill(term);
      await editor.getByLabel('Type', { exact: true }).fill('GROUP');
      await editor.getByRole('button', { name: 'Add term' }).click();
    };
    await addTerm('cocaleros');
    await editor.getByTestId('rebuild').click();
    await imported(page, 1);
    expect(await nodes(page)).toContain('cocaleros');
    // An edit made after the rebuild, not rebuilt: kept as an edit.
    await addTerm('coca growers');
    await expect.poll(() => keptRecord(page)).toMatchObject({ name: 'corpus', files: ['000_6dcb42eed13933de.txt'], pending: expect.stringMatching(/cocaleros[^]*coca growers/) });
    const before = await nodes(page);

    await page.reload();
    await imported(page, 0);
    await graphDrawn(page);
    expect(await nodes(page)).toEqual(before);
    await note.waitFor();
    await page.getByRole('button', { name: 'Lexicon & aliases' }).click();
    expect(await editor.locator('.table-lines').first().textContent()).toMatch(/coca growers/);
    expect(await editor.getByTestId('rebuild').isEnabled()).toBe(true);
    await screenshot(page, 'kept-work-reopened');

    await page.getByTestId('discard-kept').click();
    await note.waitFor({ state: 'hidden' });
    await expect.poll(() => keptRecord(page)).toBeNull();
    await page.reload();
    await page.getByTestId('import-invite').waitFor();
    expect(await viewsShown(page)).toBe(0);
    expect(await note.isHidden()).toBe(true);
    expect(only404(w.errors)).toEqual([]);
  });
});

describe('a browser that refuses to keep the work', () => {
  it('says the work is not kept and offers no Discard; the view opens all the same', async () => {
    const w = await open();
    const { page } = w;
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('storage is disabled', 'QuotaExceededError');
      };
    });
    await page.reload();
    await page.getByTestId('import-invite').waitFor();
    await page.getByTestId('import').setInputFiles(SEED_FILE);
    await imported(page, 0);
    const note = page.getByTestId('kept-note');
    await note.waitFor();
    await expect.poll(() => note.innerText()).toBe('Not kept in this browser (storage is disabled): a reload loses it');
    expect(await page.getByTestId('discard-kept').isHidden()).toBe(true);
    expect(only404(w.errors)).toEqual([]);
  });
});

/** The seed dataset built by the CLI, as a bundle, with `change` applied to its files. */
function seedBundle(name: string, change: (files: Map<string, string>) => void): string {
  const dir = seedDataset();
  const files = new Map<string, string>();
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) for (const child of readdirSync(path).sort()) visit(join(path, child));
    else files.set(relative(dir, path), readFileSync(path, 'utf8'));
  };
  visit(dir);
  change(files);
  const path = `${OUTPUT}${name}.cablegraph.json`;
  writeFileSync(path, packBundle(files));
  return path;
}

describe('a dataset that fails to open over an open view', () => {
  it('keeps the view, its selection and its URL, and shows why', async () => {
    const w = await open();
    const { page } = w;
    await page.getByTestId('import').setInputFiles(SEED_FILE);
    await imported(page, 0);
    await graphDrawn(page);
    await page.evaluate(() => {
      history.pushState(null, '', '?node=pnp');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.getByTestId('paragraph').first().waitFor();
    const shown = await nodes(page);

    // Passes every check of the files, then fails while the explorer opens on it.
    const broken = seedBundle('communities-broken', (files) => {
      const manifest = JSON.parse(files.get('manifest.json')!) as { communities: unknown[] };
      manifest.communities = manifest.communities.map(() => null);
      files.set('manifest.json', JSON.stringify(manifest));
    });
    // Fails when its graph is read.
    const corrupt = seedBundle('graph-corrupt', (files) => files.set('graph.json', files.get('graph.json')!.slice(0, 100)));

    for (const [bundle, message] of [[broken, /Could not open this dataset file/], [corrupt, /graph\.json: not valid JSON/]] as const) {
      await page.getByTestId('import').setInputFiles(bundle);
      const error = page.getByTestId('import-error');
      await error.waitFor();
      expect(await error.textContent()).toMatch(message);
      await page.waitForFunction(() => window.cablegraph !== undefined && document.querySelectorAll('#graph canvas').length > 0 && document.querySelector('[data-testid="paragraph"]') !== null);
      expect(await nodes(page)).toEqual(shown);
      expect(new URL(page.url()).search).toBe('?node=pnp');
      expect(await page.getByTestId('details').locator('h2').first().textContent()).toBe('PNP');
      expect(await page.locator('#controls').evaluate((c) => c.childElementCount)).toBeGreaterThan(0);
      await screenshot(page, `kept-view-${bundle === broken ? 'broken' : 'corrupt'}`);
      await error.getByRole('button', { name: 'Dismiss' }).click();
    }
    expect(only404(w.errors)).toEqual([]);
  });
});
