/**
 * Reading at corpus scale, on the shared Cablegate sample (1,031 cables) in Chromium: search
 * offers the most cited entity first (Evo Morales before `Evo`, United States before `United`)
 * and is driven by the keyboard; Iran's 1,300-odd paragraphs are one virtualised list that scrolls to
 * its end with few rows in the page, sorts by date, keeps the paragraphs holding a word, groups
 * by cable and moves with j/k; the view downloads as PNG and SVG, and the evidence as CSV.
 * Skipped, saying why, when ../shared is absent.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { PARAGRAPHS_PER_SHARD } from '../../src/core/dataset/format.ts';
import type { ParagraphRecord } from '../../src/core/dataset/format.ts';
import { matchesFilter } from '../../src/app/panels/paragraph-order.ts';
import { HAS_SHARED_SAMPLE, explainSkip } from '../helpers.ts';
import { SERVE_MODES, closeBrowser, graphDrawn, openPage, screenshot, serveAs } from './harness.ts';
import type { WatchedPage } from './harness.ts';
import { readEntities, sampleDataset } from './datasets.ts';

explainSkip('the reading e2e tests on the Cablegate sample');

let server: { url: string; close(): Promise<void> };
let dir: string;
const pages: WatchedPage[] = [];

async function open(query = ''): Promise<WatchedPage> {
  const w = await openPage(server.url + query, { width: 1280, height: 800 });
  pages.push(w);
  await graphDrawn(w.page);
  return w;
}

/** The labels the search box offers for `text`, in order. */
async function suggestions(page: Page, text: string): Promise<string[]> {
  const box = page.getByTestId('search');
  await box.fill('');
  await box.fill(text);
  await page.getByTestId('suggestion').first().waitFor();
  // The list answers the last query once the debounce has run.
  await page.waitForTimeout(250);
  return page.getByTestId('suggestion').locator('.label').allTextContents();
}

const paragraphTexts = (ids: readonly number[]): Map<number, string> => {
  const shards = new Map<number, ParagraphRecord[]>();
  const texts = new Map<number, string>();
  for (const id of ids) {
    const shard = Math.floor(id / PARAGRAPHS_PER_SHARD);
    if (!shards.has(shard)) shards.set(shard, JSON.parse(readFileSync(`${dir}paragraphs/${shard}.json`, 'utf8')) as ParagraphRecord[]);
    texts.set(id, shards.get(shard)![id % PARAGRAPHS_PER_SHARD]!.text);
  }
  return texts;
};

/**
 * Scrolls the paragraph list down until its last row is drawn, waiting at each step for the rows'
 * text: returns the most rows in the page at once, the last row index, and the date of every
 * paragraph row seen, by row index.
 */
async function scrollToEnd(page: Page): Promise<{ maxRows: number; lastIndex: number; dates: Map<number, string | null> }> {
  const seen = await page.evaluate(async () => {
    const viewport = document.querySelector<HTMLElement>('[data-testid="paragraph-list"]')!;
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const loaded = async () => {
      for (let i = 0; i < 200 && viewport.querySelector('[data-testid="paragraph-loading"]'); i++) await new Promise((r) => setTimeout(r, 20));
    };
    let maxRows = 0;
    const dates: [number, string | null][] = [];
    for (let step = 0; step < 5000; step++) {
      await frame();
      await loaded();
      maxRows = Math.max(maxRows, viewport.querySelectorAll('[data-index]').length);
      for (const row of viewport.querySelectorAll<HTMLElement>('[data-testid="paragraph"]')) dates.push([Number(row.dataset.index), row.dataset.date ?? null]);
      if (viewport.scrollTop + viewport.clientHeight >= viewport.scrollHeight - 1) break;
      // Less than the view plus the margin drawn below it: every row is drawn on the way.
      viewport.scrollTop += viewport.clientHeight + 400;
    }
    const indexes = [...viewport.querySelectorAll<HTMLElement>('[data-index]')].map((e) => Number(e.dataset.index));
    return { maxRows, lastIndex: Math.max(...indexes), dates };
  });
  return { maxRows: seen.maxRows, lastIndex: seen.lastIndex, dates: new Map(seen.dates) };
}

/** The dates of the paragraphs drawn, once none is waiting for its text. */
const listedDates = async (page: Page) => {
  await expect.poll(() => page.getByTestId('paragraph-loading').count()).toBe(0);
  return page.locator('[data-testid="paragraph"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-date')));
};

const downloaded = async (page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]) as [Download, unknown];
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path!) };
};

afterAll(async () => {
  await closeBrowser();
});

describe.runIf(HAS_SHARED_SAMPLE).each(SERVE_MODES)('reading the Cablegate sample (%s)', (mode) => {
  beforeAll(async () => {
    dir = sampleDataset()!;
    server = await serveAs(mode, dir);
  }, 240_000);

  afterAll(async () => {
    for (const w of pages.splice(0)) await w.close();
    await server?.close();
  });

  it('search offers what the user most likely means first, with type and paragraphs, by the keyboard', async () => {
    const w = await open();
    const evo = await suggestions(w.page, 'Evo');
    expect(evo[0]).toBe('Evo Morales');
    expect(evo).toContain('Evo');
    expect((await suggestions(w.page, 'Hugo'))[0]).toBe('Hugo Chavez');
    const united = await suggestions(w.page, 'United');
    expect(united[0]).toBe('United States');
    expect(united.indexOf('United States')).toBeLessThan(united.indexOf('United'));
    // A later word of a name: `morales` finds Evo Morales first.
    expect((await suggestions(w.page, 'morales'))[0]).toBe('Evo Morales');
    const first = w.page.getByTestId('suggestion').first();
    expect(await first.locator('.type-badge').textContent()).toBe('PER');
    expect(await first.locator('.n').textContent()).toMatch(/^\d[\d,]* ¶$/);

    // Keyboard: ↓ moves to the second suggestion, Escape closes, Enter chooses.
    const second = (await suggestions(w.page, 'United'))[1]!;
    await w.page.keyboard.press('ArrowDown');
    expect(await w.page.getByTestId('suggestion').nth(1).getAttribute('aria-selected')).toBe('true');
    await w.page.keyboard.press('Escape');
    await expect.poll(() => w.page.getByTestId('suggestion').count()).toBe(0);
    await suggestions(w.page, 'United');
    await w.page.keyboard.press('ArrowDown');
    await w.page.keyboard.press('Enter');
    await expect.poll(() => w.page.locator('[data-testid="details"] h2').textContent()).toBe(second);
    expect(w.errors).toEqual([]);
  });

  it('lists Iran’s paragraphs (over a thousand) as one list that scrolls to its end with few rows in the page', async () => {
    const iran = readEntities(dir).get('iran')!;
    const n = iran.postings.length;
    expect(n).toBeGreaterThan(1000);
    const w = await open('?node=iran');
    await w.page.getByTestId('paragraph').first().waitFor();
    expect(await w.page.locator('.list-status').textContent()).toBe(`${n.toLocaleString('en-US')} paragraphs`);
    expect(await w.page.getByText(/show .* more/i).count()).toBe(0);
    const first = w.page.getByTestId('paragraph').first();
    // Cable, post, classification, date and number on each item.
    expect(await first.locator('.cable-id').textContent()).toMatch(/^\d\d[A-Z]+\d+$/);
    expect(await first.locator('.cable-origin').count()).toBe(1);
    expect(await first.locator('.cable-classification').count()).toBe(1);
    expect(await first.locator('.paragraph-n').textContent()).toMatch(/^¶\d+$/);
    expect(await first.getAttribute('data-date')).toMatch(/^\d{4}-\d\d-\d\d$/);
    await screenshot(w.page, `reading-iran-${mode}`);
    const end = await scrollToEnd(w.page);
    expect(end.lastIndex).toBe(n - 1);
    expect(end.dates.size).toBe(n);
    expect(end.maxRows).toBeLessThan(60);
    expect(w.errors).toEqual([]);
  }, 180_000);

  it('sorts by date either way, before any text is read', async () => {
    const n = readEntities(dir).get('iran')!.postings.length;
    const w = await open('?node=iran');
    await w.page.getByTestId('paragraph').first().waitFor();
    await w.page.getByTestId('paragraph-sort').selectOption('date-asc');
    await expect.poll(async () => (await listedDates(w.page))[0]).toMatch(/^197/);
    const ascending = [...(await scrollToEnd(w.page)).dates].sort(([a], [b]) => a - b).map(([, d]) => d);
    expect(ascending).toHaveLength(n);
    const dated = ascending.filter((d): d is string => d !== null);
    expect([...dated].sort()).toEqual(dated);
    // Paragraphs without a date, if any, come last.
    expect(ascending.slice(0, dated.length)).toEqual(dated);

    await w.page.getByTestId('paragraph-sort').selectOption('date-desc');
    await expect.poll(async () => (await listedDates(w.page))[0]).toBe(dated.at(-1));
    const descending = (await listedDates(w.page)).filter((d): d is string => d !== null);
    expect([...descending].sort().reverse()).toEqual(descending);
    await w.page.getByTestId('paragraph-sort').selectOption('cable');
    expect(w.errors).toEqual([]);
  }, 180_000);

  it('keeps the paragraphs that contain a word, counting them as it searches', async () => {
    const iran = readEntities(dir).get('iran')!;
    const texts = paragraphTexts(iran.postings);
    const expected = iran.postings.filter((id) => matchesFilter(texts.get(id)!, 'nuclear')).length;
    expect(expected).toBeGreaterThan(0);
    const n = iran.postings.length;
    expect(expected).toBeLessThan(n);
    const w = await open('?node=iran');
    await w.page.getByTestId('paragraph').first().waitFor();
    await w.page.getByTestId('paragraph-filter').fill('Nuclear');
    await expect.poll(() => w.page.locator('.list-status').textContent(), { timeout: 15_000 }).toBe(`${expected.toLocaleString('en-US')} paragraphs of ${n.toLocaleString('en-US')} contain “Nuclear”`);
    const shown = await w.page.locator('[data-testid="paragraph"] .paragraph-text').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) expect(text.toLowerCase()).toContain('nuclear');

    // Grouped by cable: a heading per cable, its paragraphs under it.
    await w.page.getByTestId('paragraph-group').check();
    await w.page.getByTestId('cable-group').first().waitFor();
    expect(await w.page.getByTestId('cable-group').first().locator('.cable-id').textContent()).toMatch(/^\d\d[A-Z]+\d+$/);
    await w.page.getByTestId('paragraph-group').uncheck();
    await w.page.getByTestId('paragraph-filter').fill('');
    await expect.poll(() => w.page.locator('.list-status').textContent()).toBe(`${n.toLocaleString('en-US')} paragraphs`);
    expect(w.errors).toEqual([]);
  });

  it('moves from paragraph to paragraph with j/k and the arrow keys', async () => {
    const w = await open('?node=iran');
    await w.page.getByTestId('paragraph').first().waitFor();
    await w.page.getByTestId('paragraph').first().focus();
    const focused = () => w.page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-index]')?.dataset.index);
    expect(await focused()).toBe('0');
    await w.page.keyboard.press('j');
    expect(await focused()).toBe('1');
    await w.page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('2');
    await w.page.keyboard.press('k');
    expect(await focused()).toBe('1');
    // Far down, beyond the rows first drawn.
    for (let i = 0; i < 40; i++) await w.page.keyboard.press('j');
    // Rows far down come in from their shards as the keys go: the last one may take a while when
    // the machine is busy (a CI run once took 3 s a key press).
    await expect.poll(focused, { timeout: 15_000 }).toBe('41');
    expect(w.errors).toEqual([]);
  });

  it('downloads the view as PNG and SVG and the evidence as a CSV citation table', async () => {
    const iran = readEntities(dir).get('iran')!;
    const w = await open('?node=iran');
    await w.page.getByTestId('paragraph').first().waitFor();

    const png = await downloaded(w.page, 'export-png');
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    const svg = await downloaded(w.page, 'export-svg');
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<\?xml[^>]*>\n<svg /);
    expect((text.match(/<circle /g) ?? []).length).toBeGreaterThan(100);
    expect(text).toContain('>Iran</text>');
    // The picture parses as XML in the browser.
    expect(await w.page.evaluate((s) => new DOMParser().parseFromString(s, 'image/svg+xml').getElementsByTagName('parsererror').length, text)).toBe(0);

    const csv = await downloaded(w.page, 'export-evidence-csv');
    expect(csv.name).toBe('Iran-paragraphs.csv');
    const lines = csv.bytes.toString('utf8').split('\r\n');
    expect(lines[0]).toBe('cable,date,post,classification,paragraph,text');
    // One row per paragraph (a text with line breaks is one quoted cell over several lines).
    const firstIds = new Set(lines.slice(1).map((l) => l.split(',')[0]).filter((c) => /^\d\d[A-Z]+\d+$/.test(c!)));
    expect(firstIds.size).toBeGreaterThan(100);
    expect(lines[1]).toMatch(/^\d\d[A-Z]+\d+,\d{4}-\d\d-\d\d[^,]*,[^,]+,[^,]+,\d+,/);
    expect(firstIds.size).toBeLessThanOrEqual(iran.postings.length);
    expect(w.errors).toEqual([]);
  });
});
