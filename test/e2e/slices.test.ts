/**
 * The timeline and facets in Chromium, on a five-cable corpus with a metadata.csv built by the
 * real CLI: picking a post and brushing a month redraw the overview with exactly the entities
 * that have paragraphs in the slice, the URL holds the slice, and the link reopens it; the
 * exports of a sliced view (PNG, SVG, the evidence CSV) carry the slice; "Path from here".
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { CAPTION_BAND } from '../../src/core/export/svg.ts';
import { OUTPUT, closeAll, graphDrawn, openPage, serve } from './harness.ts';
import type { WatchedPage } from './harness.ts';
import { buildDataset } from './datasets.ts';
import { cableText } from '../core/slices/fixture.ts';
import { SLICE_CABLES } from '../core/slices/fixtures.ts';

let server: { url: string; close(): Promise<void> };
const pages: WatchedPage[] = [];

beforeAll(async () => {
  const corpus = `${OUTPUT}corpora/slices/`;
  mkdirSync(corpus, { recursive: true });
  const rows = ['id,date,origin,classification,tags,subject,file'];
  SLICE_CABLES.forEach((c, i) => {
    writeFileSync(`${corpus}cable${i}.txt`, cableText(c));
    const l = c.listing;
    if (l) rows.push([l.id, l.date, l.origin, l.classification, l.tags, c.subject, `cable${i}.txt`].map((v) => `"${v ?? ''}"`).join(','));
  });
  writeFileSync(`${corpus}metadata.csv`, `${rows.join('\n')}\n`);
  server = await serve(buildDataset('slices', [corpus]));
});

afterAll(() => closeAll(pages, [server]));

async function open(query = ''): Promise<WatchedPage> {
  const w = await openPage(server.url + query);
  pages.push(w);
  await graphDrawn(w.page);
  return w;
}

const downloaded = async (page: Page, testid: string): Promise<{ name: string; bytes: Buffer }> => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]) as [Download, unknown];
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
};

/** A PNG's height, from its IHDR chunk. */
const pngHeight = (bytes: Buffer) => bytes.readUInt32BE(20);

/** The radii of an SVG's nodes, largest first (a node with a type ring is two discs at one centre: the outer one counts). */
const radii = (svg: string) => {
  const outer = new Map<string, number>();
  for (const [, x, y, r] of svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)" r="([\d.]+)"/g)) {
    const at = `${x},${y}`;
    outer.set(at, Math.max(outer.get(at) ?? 0, Number(r)));
  }
  return [...outer.values()].sort((a, b) => b - a);
};

const visibleCount = async (page: Page) => Number((await page.getByTestId('visible-count').textContent())!.replace(/,/g, ''));

/** Drags across the timeline from one month's bar to another's. */
async function brush(page: Page, from: string, to: string) {
  const a = (await page.locator(`[data-month="${from}"]`).boundingBox())!;
  const b = (await page.locator(`[data-month="${to}"]`).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
  await page.mouse.up();
}

describe('timeline and facets', () => {
  it('a post picked and a month brushed redraw the overview for that slice, in the URL', async () => {
    const w = await open();
    const all = await visibleCount(w.page);
    expect(all).toBe(6);
    await w.page.getByTestId('slice-toggle').click();
    const origin = w.page.getByTestId('facet-origin');
    await origin.locator('label', { hasText: 'Embassy La Paz' }).waitFor();
    // Counts beside each value: cables of that post.
    expect(await origin.locator('label', { hasText: 'Embassy Lima' }).locator('.facet-count').textContent()).toBe('2');
    await origin.locator('label', { hasText: 'Embassy La Paz' }).locator('input').check();
    // La Paz's one cable names Evo Morales, the MAS and the PNP.
    await expect.poll(() => visibleCount(w.page)).toBe(3);
    expect(new URL(w.page.url()).searchParams.getAll('origin')).toEqual(['Embassy La Paz']);
    await origin.locator('label', { hasText: 'Embassy La Paz' }).locator('input').uncheck();
    await expect.poll(() => visibleCount(w.page)).toBe(6);

    // February 2006: the La Paz and Bogota cables (Evo Morales, MAS, PNP, FARC, SL).
    await brush(w.page, '2006-02', '2006-02');
    await expect.poll(() => visibleCount(w.page)).toBe(5);
    const params = new URL(w.page.url()).searchParams;
    expect([params.get('from'), params.get('to')]).toEqual(['2006-02-01', '2006-02-28']);
    expect(await w.page.getByTestId('slice-count').textContent()).toMatch(/^2 cables · 5 entities/);
    // The tag facet counts within the brushed months only.
    const tags = w.page.getByTestId('facet-tag');
    await tags.locator('input[type=search]').fill('bl');
    expect(await tags.locator('label').allTextContents()).toEqual(['BL1']);

    await brush(w.page, '2006-01', '2007-03');
    await expect.poll(() => visibleCount(w.page)).toBe(6);
    await w.page.getByTestId('slice-clear').click();
    await expect.poll(() => new URL(w.page.url()).searchParams.has('from')).toBe(false);
    expect(w.errors).toEqual([]);
  });

  it('a link with a slice reopens it: timeline open, values checked, the same entities drawn', async () => {
    const w = await open('?tag=SNAR&class=CONFIDENTIAL&class=UNCLASSIFIED');
    // SNAR and either marking: the Lima cables of 2006 and 2007 (PNP, VRAE, Evo Morales, MAS, SL).
    await expect.poll(() => visibleCount(w.page)).toBe(5);
    const tag = w.page.getByTestId('facet-tag').locator('label', { hasText: 'SNAR' }).locator('input');
    expect(await tag.isChecked()).toBe(true);
    expect(await w.page.getByTestId('facet-classification').locator('input:checked').count()).toBe(2);
    expect(w.errors).toEqual([]);
  });

  it('finds the shortest paths between two entities with the paragraphs of each hop, within the slice', async () => {
    const w = await open();
    await w.page.getByTestId('path-from').fill('evo morales');
    await w.page.getByTestId('path-to').fill('FARC');
    await w.page.getByTestId('path-find').click();
    const path = w.page.getByTestId('path');
    await path.first().waitFor();
    expect(await path.count()).toBe(1);
    expect(await path.locator('.path-chain').textContent()).toBe('Evo Morales —1— PNP —1— FARC');
    expect(await path.getByTestId('path-paragraph').allTextContents()).toEqual([
      '06LIMA100 ¶1 · 2006-01-15 (U) PNP and VRAE and Evo Morales.',
      '06BOGOTA500 ¶1 · 2006-02-01 (U) FARC and PNP.',
    ]);
    // The graph draws the path alone until it is cleared.
    await expect.poll(() => visibleCount(w.page)).toBe(3);
    await w.page.getByTestId('path-clear').click();
    await expect.poll(() => visibleCount(w.page)).toBe(6);
    await w.page.getByTestId('path-find').click();
    await expect.poll(() => visibleCount(w.page)).toBe(3);
    // Clicking an entity of the path opens it.
    await path.locator('.path-node', { hasText: 'PNP' }).click();
    await expect.poll(() => new URL(w.page.url()).searchParams.get('node')).toBe('pnp');

    const sliced = await open('?origin=Embassy+La+Paz');
    await sliced.page.getByTestId('path-from').fill('Evo Morales');
    await sliced.page.getByTestId('path-to').fill('farc');
    await sliced.page.getByTestId('path-find').click();
    await expect.poll(() => sliced.page.getByTestId('path-results').textContent()).toBe('No path from Evo Morales to FARC within 6 hops in this slice.');
    expect([...w.errors, ...sliced.errors]).toEqual([]);
  });

  it('exports of a sliced view carry the slice: a caption and the slice in the name, its sizes, its paragraphs', async () => {
    const whole = await open();
    const wholeSvg = (await downloaded(whole.page, 'export-svg')).bytes.toString('utf8');
    const wholePng = await downloaded(whole.page, 'export-png');
    expect(wholePng.name).toBe('cablegraph.png');
    expect(wholeSvg).not.toContain('<desc>');

    const w = await open('?tag=SNAR');
    await expect.poll(() => visibleCount(w.page)).toBe(5);
    const svg = await downloaded(w.page, 'export-svg');
    expect(svg.name).toBe('cablegraph-SNAR.svg');
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('<desc>slice: tag SNAR</desc>');
    expect(text).toMatch(/<text class="caption"[^>]*>slice: tag SNAR<\/text>/);
    expect(await w.page.evaluate((s) => new DOMParser().parseFromString(s, 'image/svg+xml').getElementsByTagName('parsererror').length, text)).toBe(0);
    // Sized by paragraphs in the slice: PNP 3, VRAE 2, Evo Morales, MAS and SL 1 each; in the
    // whole corpus PNP 6, MAS and SL 3, VRAE, Evo Morales and FARC 2.
    const sliced = radii(text);
    expect(sliced).toHaveLength(5);
    expect(sliced[0]).toBeGreaterThan(sliced[1]!);
    expect(sliced[1]).toBeGreaterThan(sliced[2]!);
    expect(new Set(sliced.slice(2)).size).toBe(1);
    const all = radii(wholeSvg);
    expect(all).toHaveLength(6);
    expect(all[1]).toBe(all[2]);
    expect(new Set(all.slice(3)).size).toBe(1);

    const png = await downloaded(w.page, 'export-png');
    expect(png.name).toBe('cablegraph-SNAR.png');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // The same view with the caption's band under it.
    expect(pngHeight(png.bytes)).toBe(pngHeight(wholePng.bytes) + CAPTION_BAND);

    // The evidence lists, and exports, the slice's paragraphs only: PNP's three in the two SNAR cables.
    await w.page.goto(`${server.url}?tag=SNAR&node=pnp`);
    await graphDrawn(w.page);
    await expect.poll(() => w.page.getByTestId('paragraphs-in-slice').textContent()).toBe('Source paragraphs in the slice (3 of 6)');
    await w.page.getByTestId('paragraph').first().waitFor();
    const csv = await downloaded(w.page, 'export-evidence-csv');
    expect(csv.name).toBe('PNP-SNAR-paragraphs.csv');
    const rows = csv.bytes.toString('utf8').split('\r\n').filter((l) => l !== '');
    expect(rows.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['06LIMA100', '06LIMA100', '07LIMA300']);
    expect([...whole.errors, ...w.errors]).toEqual([]);
  });

  it('"Path from here" in an entity\'s details makes it the source and moves to the target box', async () => {
    const w = await open('?node=evo+morales');
    await w.page.getByTestId('path-from-here').click();
    await expect.poll(() => w.page.getByTestId('path-from').inputValue()).toBe('Evo Morales');
    expect(await w.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('path-to');
    await w.page.keyboard.type('FARC');
    await w.page.keyboard.press('Enter');
    await w.page.getByTestId('path').first().waitFor();
    expect(await w.page.getByTestId('path').locator('.path-chain').textContent()).toBe('Evo Morales —1— PNP —1— FARC');
    // Another entity's button replaces the source.
    await w.page.goto(`${server.url}?node=farc`);
    await graphDrawn(w.page);
    await w.page.getByTestId('path-from-here').click();
    await expect.poll(() => w.page.getByTestId('path-from').inputValue()).toBe('FARC');
    expect(w.errors).toEqual([]);
  });

  it("a cable's view lists what it references and what references it, and leads to their paragraphs", async () => {
    const w = await open();
    const requested: string[] = [];
    w.page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await w.page.getByTestId('cable-id').fill('07lima300');
    await w.page.getByTestId('cable-open').click();
    const view = w.page.getByTestId('cable-view');
    await view.getByTestId('cable-references').waitFor();
    // From the cable table's detail shard (subjects and references matched at build time).
    expect(requested.filter((p) => p.includes('cable-table/'))).toContain('/dataset/cable-table/0.json');
    expect(await view.getByTestId('cable-references').locator('li').allTextContents()).toEqual([
      '06LIMA100 2006-01-15 · COCA IN THE VRAE (as 06 LIMA 100)',
      'LA PAZ 200 (not in this dataset)',
    ]);
    expect(await view.getByTestId('cable-referenced-by').locator('li').allTextContents()).toEqual(['LIMA 000400 undated · NO METADATA ROW (as LIMA 300)']);
    expect(await view.getByTestId('cable-paragraph').allTextContents()).toEqual(['¶1 (U) PNP fought SL in VRAE. SIGNED']);
    await view.getByTestId('cable-ref').click();
    await expect.poll(() => view.locator('h3').textContent()).toBe('06LIMA100 · 2006-01-15 · Embassy Lima');
    expect(await view.getByTestId('cable-paragraph').count()).toBe(2);
    expect(await view.getByTestId('cable-referenced-by').locator('li').count()).toBe(2);
    expect(w.errors).toEqual([]);
  });
});
