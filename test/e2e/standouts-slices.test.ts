/**
 * "What stands out" follows the slice, on the shared sample (1,031 cables with metadata.csv) in
 * Debian's Chromium: picking a post or brushing a year replaces the brokers and pairings with
 * the slice's, which a brute-force count over the dataset's files confirms (each overview link's
 * paragraphs in the slice from the two entities' postings, the definitions by sets and sorts);
 * stability says it stays the whole corpus's; leaving the slice brings the whole corpus's lists back.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CableRecord, GraphFile, StandoutsFile } from '../../src/core/dataset/format.ts';
import { HAS_SHARED_SAMPLE, explainSkip } from '../helpers.ts';
import { closeBrowser, graphDrawn, openPage, screenshot, serve } from './harness.ts';
import type { WatchedPage } from './harness.ts';
import { readEntities, readGraph, sampleDataset } from './datasets.ts';
import { bruteStandouts } from '../core/standouts/brute-standouts.ts';

explainSkip('the standouts of a slice on the sample corpus');

let server: { url: string; close(): Promise<void> };
let dir: string;
let graph: GraphFile;
let file: StandoutsFile;
let cables: CableRecord[];
let postings: number[][];
const pages: WatchedPage[] = [];

/** What the panel should list for the cables `inSlice` keeps: labels, as the panel shows them (8 of each). */
function expected(inSlice: (cable: CableRecord) => boolean) {
  const paragraphs = new Set<number>();
  for (const c of cables) if (inSlice(c)) for (let p = c.paragraphs[0]; p < c.paragraphs[0] + c.paragraphs[1]; p++) paragraphs.add(p);
  const index = new Map(graph.nodes.map((n, i) => [n.key, i]));
  const lists = bruteStandouts({
    slice: postings.map((list) => new Set(list.filter((p) => paragraphs.has(p)))),
    edges: graph.edges.map((e) => [index.get(e.source)!, index.get(e.target)!] as const),
    community: graph.nodes.map((n) => n.attributes!.community),
    total: paragraphs.size,
  });
  const label = (i: number) => graph.nodes[i]!.attributes!.label;
  return {
    cables: cables.filter(inSlice).length,
    brokers: lists.brokers.slice(0, 8).map((b) => label(b.id)),
    pairs: lists.pairs.slice(0, 8).map((p) => `${label(p.source)} — ${label(p.target)} ${p.weight} ¶`),
  };
}

/** The panel's lists as shown. */
async function shown(page: Page) {
  const panel = page.getByTestId('standouts');
  return {
    brokers: await panel.getByTestId('standout-broker').locator('.label').allTextContents(),
    pairs: (await panel.getByTestId('standout-pair').evaluateAll((els) => els.map((e) => `${e.querySelector('.label')!.textContent} ${e.querySelector('.n')!.textContent}`))),
  };
}

async function open(query = ''): Promise<WatchedPage> {
  const w = await openPage(server.url + query, { width: 1280, height: 800 });
  pages.push(w);
  await graphDrawn(w.page);
  await w.page.getByTestId('standout-broker').first().waitFor();
  return w;
}

/** Drags across the timeline from one month's bar to another's. */
async function brush(page: Page, from: string, to: string) {
  const a = (await page.locator(`[data-month="${from}"]`).boundingBox())!;
  const b = (await page.locator(`[data-month="${to}"]`).boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
  await page.mouse.up();
}

describe.runIf(HAS_SHARED_SAMPLE)('What stands out in a slice (sample corpus)', () => {
  beforeAll(async () => {
    dir = sampleDataset()!;
    graph = readGraph(dir);
    file = JSON.parse(readFileSync(`${dir}standouts.json`, 'utf8')) as StandoutsFile;
    const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as { shards: { cables: number } };
    cables = Array.from({ length: manifest.shards.cables }, (_, i) => JSON.parse(readFileSync(`${dir}cables/${i}.json`, 'utf8')) as CableRecord[]).flat();
    const entities = readEntities(dir);
    postings = graph.nodes.map((n) => entities.get(n.key)!.postings);
    server = await serve(dir);
  });

  afterAll(async () => {
    for (const w of pages) await w.close();
    await closeBrowser();
    await server?.close();
  });

  it('a post picked: brokers and pairings of the slice, as counted by brute force; unpicked: those of the whole corpus again', async () => {
    const w = await open();
    const whole = await shown(w.page);
    expect(whole.brokers).toEqual(file.brokers.slice(0, 8).map((b) => b.label));
    await expect.poll(() => w.page.getByTestId('standouts-scope').textContent()).toMatch(/^In the whole corpus/);

    await w.page.getByTestId('slice-toggle').click();
    const origin = w.page.getByTestId('facet-origin').locator('label', { hasText: 'Embassy Paris' });
    await origin.waitFor();
    await origin.locator('input').check();
    const paris = expected((c) => (c.listing?.origin || c.origin).toLowerCase() === 'embassy paris');
    expect(paris.brokers.length).toBeGreaterThan(0);
    expect(paris.pairs.length).toBeGreaterThan(0);
    const scope = w.page.getByTestId('standouts-scope');
    await expect.poll(() => scope.textContent()).toMatch(new RegExp(`^In this slice: ${paris.cables} cables`));
    const sliced = await shown(w.page);
    expect(sliced).toEqual({ brokers: paris.brokers, pairs: paris.pairs });
    // The content changed: the slice's lists are not the whole corpus's.
    expect(sliced.brokers).not.toEqual(whole.brokers);
    expect(sliced.pairs).not.toEqual(whole.pairs);
    expect(await w.page.getByTestId('standouts').locator('h3').allTextContents()).toContain('Least stable assignments (whole corpus)');
    await w.page.getByTestId('standouts').scrollIntoViewIfNeeded();
    await screenshot(w.page, 'standouts-slice');

    await origin.locator('input').uncheck();
    await expect.poll(() => scope.textContent()).toMatch(/^In the whole corpus/);
    expect((await shown(w.page)).brokers).toEqual(whole.brokers);
    expect(w.errors).toEqual([]);
  });

  it('a year brushed: the lists follow the time range, as counted by brute force', async () => {
    const w = await open();
    await w.page.getByTestId('slice-toggle').click();
    await w.page.locator('[data-month="2009-01"]').waitFor();
    await brush(w.page, '2009-01', '2009-12');
    await expect.poll(() => new URL(w.page.url()).searchParams.get('to')).toBe('2009-12-31');
    const params = new URL(w.page.url()).searchParams;
    const [from, to] = [params.get('from')!, params.get('to')!];
    expect(from).toBe('2009-01-01');
    const year = expected((c) => {
      const day = c.listing?.date.slice(0, 10) ?? '';
      return day !== '' && day >= from && day <= to;
    });
    await expect.poll(() => w.page.getByTestId('standouts-scope').textContent()).toMatch(new RegExp(`^In this slice: ${year.cables} cables`));
    expect(await shown(w.page)).toEqual({ brokers: year.brokers, pairs: year.pairs });
    expect(w.errors).toEqual([]);
  });
});
