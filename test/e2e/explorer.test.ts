/**
 * The explorer on the seed cable, built with the real CLI, in Debian's Chromium: the graph is
 * drawn without console errors, type filters change the visible count by exactly the type's
 * entities, search opens the panel, neighbours and edges show shared paragraphs, and the URL
 * reopens the same view with back/forward working.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { intersectSorted } from '../../src/app/data/evidence.ts';
import { cameraSettled, closeAll, graphDrawn, nodePosition, openPage, screenshot, serve } from './harness.ts';
import type { WatchedPage } from './harness.ts';
import { readEntities, readGraph, seedDataset } from './datasets.ts';

let server: { url: string; close(): Promise<void> };
let dir: string;
const pages: WatchedPage[] = [];

async function open(query = ''): Promise<WatchedPage> {
  const w = await openPage(server.url + query);
  pages.push(w);
  await graphDrawn(w.page);
  return w;
}

/** Pixels of the graph stage with a clearly saturated colour (nodes; edges and labels are grey). */
async function colouredPixels(page: Page): Promise<number> {
  const png = await page.locator('#graph').screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.max(data[i]!, data[i + 1]!, data[i + 2]!) - Math.min(data[i]!, data[i + 1]!, data[i + 2]!) > 60) n++;
    return n;
  }, png.toString('base64'));
}

const visibleCount = async (page: Page) => Number((await page.getByTestId('visible-count').textContent())!.replace(/,/g, ''));

beforeAll(async () => {
  dir = seedDataset();
  server = await serve(dir);
});

afterAll(() => closeAll(pages, [server]));

describe('explorer on the seed', () => {
  it('opens with the graph drawn, the legend and type toggles filled, and no console errors', async () => {
    const w = await open();
    const graph = readGraph(dir);
    expect(await visibleCount(w.page)).toBe(graph.nodes.length);
    expect(await w.page.locator('.legend-row').count()).toBeGreaterThan(0);
    expect(await w.page.getByTestId('filter-type-PER').isChecked()).toBe(true);
    expect(await w.page.getByTestId('filter-type-GROUP').count()).toBe(1);
    // The stage shows coloured nodes: WebGL canvases cannot be read back, so read a screenshot.
    const drawn = await colouredPixels(w.page);
    expect(drawn).toBeGreaterThan(1000);
    await cameraSettled(w.page);
    await screenshot(w.page, 'sample');
    expect(w.errors).toEqual([]);
  });

  it('turning PER off removes exactly the PER entities from the visible count', async () => {
    const w = await open();
    const graph = readGraph(dir);
    const per = graph.nodes.filter((n) => n.attributes!.type === 'PER').length;
    expect(per).toBeGreaterThan(0);
    const before = await visibleCount(w.page);
    // What sigma draws, not only the count: the filter redraws only the nodes and links it changes.
    const drawn = () => w.page.evaluate(() => {
      const sigma = window.cablegraph!.sigma;
      const graph = sigma.getGraph();
      const hidden = { per: 0, other: 0, perLinksShown: 0 };
      graph.forEachNode((k, a) => {
        if (sigma.getNodeDisplayData(k)?.hidden) hidden[a.entityType === 'PER' ? 'per' : 'other']++;
      });
      graph.forEachEdge((e, _, __, ___, sa, ta) => {
        if ((sa.entityType === 'PER' || ta.entityType === 'PER') && !sigma.getEdgeDisplayData(e)?.hidden) hidden.perLinksShown++;
      });
      return hidden;
    });
    // And the labels: the label index catches up once the filters rest, forgetting hidden
    // entities and learning them again when they come back.
    const labels = () => w.page.evaluate(() => window.cablegraph!.labelsShown().sort());
    const perKeys = new Set(graph.nodes.filter((n) => n.attributes!.type === 'PER').map((n) => n.key));
    const shown = await drawn();
    const labelled = await labels();
    expect(labelled.filter((k) => perKeys.has(k)).length).toBeGreaterThan(0);
    await w.page.getByTestId('filter-type-PER').click();
    await expect.poll(() => visibleCount(w.page)).toBe(before - per);
    expect(await drawn()).toEqual({ per, other: shown.other, perLinksShown: 0 });
    await expect.poll(async () => (await labels()).filter((k) => perKeys.has(k))).toEqual([]);
    expect(new URL(w.page.url()).searchParams.get('off')).toBe('PER');
    await w.page.getByTestId('filter-type-PER').click();
    await expect.poll(() => visibleCount(w.page)).toBe(before);
    expect(await drawn()).toEqual(shown);
    await expect.poll(labels).toEqual(labelled);
    expect(w.errors).toEqual([]);
    // Opened with PER off, the label index never held them: turned on, they are learnt.
    const off = await open('?off=PER');
    expect(await off.page.evaluate(() => window.cablegraph!.labelsShown().length)).toBeGreaterThan(0);
    await off.page.getByTestId('filter-type-PER').click();
    await expect.poll(() => off.page.evaluate(() => window.cablegraph!.labelsShown().sort())).toEqual(labelled);
    expect(off.errors).toEqual([]);
  });

  it('searching PNP opens a panel whose paragraphs include the one where National Police is highlighted', async () => {
    const w = await open();
    await w.page.getByTestId('search').fill('PNP');
    await w.page.getByTestId('suggestion').first().waitFor();
    await w.page.getByTestId('search').press('Enter');
    const details = w.page.getByTestId('details');
    await expect.poll(() => details.locator('h2').textContent()).toBe('PNP');
    await w.page.getByTestId('paragraph').first().waitFor();
    const highlighted = details.getByTestId('paragraph').filter({ has: w.page.getByTestId('mention').filter({ hasText: /^National Police$/ }) });
    expect(await highlighted.count()).toBeGreaterThan(0);
    expect(new URL(w.page.url()).searchParams.get('node')).toBe('pnp');
    // The README's picture (docs/screenshot.png is a copy of it).
    await cameraSettled(w.page);
    await screenshot(w.page, 'search-pnp');
    expect(w.errors).toEqual([]);
  });

  it('clicking a node opens it; clicking a neighbour shows exactly the paragraphs both appear in', async () => {
    const w = await open();
    const at = await nodePosition(w.page, 'vrae');
    await w.page.mouse.click(at.x, at.y);
    const details = w.page.getByTestId('details');
    await expect.poll(() => details.locator('h2').textContent()).toBe('VRAE');
    const entities = readEntities(dir);
    const shared = intersectSorted(entities.get('vrae')!.postings, entities.get('cocaleros')!.postings);
    expect(shared.length).toBeGreaterThan(0);
    await details.locator('.neighbour', { hasText: 'cocaleros' }).click();
    await expect.poll(() => details.locator('h2').textContent()).toBe('VRAE — cocaleros');
    await expect.poll(() => details.getByTestId('paragraph').count()).toBe(shared.length);
    expect(await details.locator('.figures').textContent()).toBe(`${shared.length} shared paragraph${shared.length === 1 ? '' : 's'}`);
    // Each shared paragraph highlights both entities.
    for (const p of await details.getByTestId('paragraph').all()) {
      expect(await p.locator('.mention.focus').count()).toBeGreaterThanOrEqual(2);
    }
    await screenshot(w.page, 'pair-vrae-cocaleros');
    expect(w.errors).toEqual([]);
  });

  it('clicking an edge shows the paragraphs its two entities share', async () => {
    const w = await open('?off=GROUP,LOC,MISC,PER');
    // With only organisations left, pick an edge and click its midpoint.
    const graph = readGraph(dir);
    const orgs = new Set(graph.nodes.filter((n) => n.attributes!.type === 'ORG').map((n) => n.key));
    const edge = graph.edges.filter((e) => orgs.has(e.source) && orgs.has(e.target)).sort((a, b) => b.attributes!.weight - a.attributes!.weight)[0]!;
    const [a, b] = [await nodePosition(w.page, edge.source), await nodePosition(w.page, edge.target)];
    await w.page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
    const params = () => new URL(w.page.url()).searchParams;
    await expect.poll(() => [params().get('node'), params().get('with')].sort()).toEqual([edge.source, edge.target].sort());
    await expect.poll(() => w.page.getByTestId('paragraph').count()).toBe(edge.attributes!.weight);
    expect(w.errors).toEqual([]);
  });

  it('a link with state reopens the same view, and back/forward move between views', async () => {
    const graph = readGraph(dir);
    const kept = graph.nodes.filter((n) => n.attributes!.type !== 'PER' && n.attributes!.mentions >= 2).length;
    const w = await open('?node=pnp&with=vrae&off=PER&mentions=2&w=jaccard');
    const details = w.page.getByTestId('details');
    await expect.poll(() => details.locator('h2').textContent()).toBe('PNP — VRAE');
    expect(await visibleCount(w.page)).toBe(kept);
    expect(await w.page.getByTestId('filter-type-PER').isChecked()).toBe(false);
    expect(await w.page.getByTestId('weighting').inputValue()).toBe('jaccard');
    // Open an entity from a mention, then go back to the pair and forward again.
    await details.locator('button.mention', { hasText: /^cocaleros$/ }).first().click();
    await expect.poll(() => details.locator('h2').textContent()).toBe('cocaleros');
    await w.page.goBack();
    await expect.poll(() => details.locator('h2').textContent()).toBe('PNP — VRAE');
    expect(await visibleCount(w.page)).toBe(kept);
    await w.page.goForward();
    await expect.poll(() => details.locator('h2').textContent()).toBe('cocaleros');
    // Escape closes the entity: the panel goes back to its introduction and the URL drops it.
    await w.page.keyboard.press('Escape');
    await expect.poll(() => details.locator('h2').textContent()).toBe('Who appears with whom');
    expect(new URL(w.page.url()).searchParams.get('node')).toBeNull();
    expect(w.errors).toEqual([]);
  });

  it('an empty filter result says so and offers a way back', async () => {
    const types = [...new Set(readGraph(dir).nodes.map((n) => n.attributes!.type))].join(',');
    const w = await open(`?off=${types}`);
    expect(await visibleCount(w.page)).toBe(0);
    const empty = w.page.locator('#empty');
    expect(await empty.isVisible()).toBe(true);
    expect(await empty.textContent()).toMatch(/No entity passes these filters/);
    await empty.getByRole('button', { name: 'Reset filters' }).click();
    await expect.poll(() => visibleCount(w.page)).toBe(readGraph(dir).nodes.length);
    expect(w.errors).toEqual([]);
  });
});
