/**
 * The explorer on the shared sample corpus (1,031 real cables), as an analyst opens it: a map
 * whose communities have regions and names, room for the graph at 1280×800 and on a phone,
 * community focus with Back, the type's ring apart from the community's fill, and clicks that
 * pick what is drawn in full; served as the static build and by `npm start`'s dev server.
 * Screenshots go to test-output/ to be looked at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAS_SHARED_SAMPLE, explainSkip } from '../helpers.ts';
import { SERVE_MODES, closeBrowser, graphDrawn, nodePosition, openPage, screenshot, serveAs } from './harness.ts';
import type { WatchedPage } from './harness.ts';
import { readGraph, sampleDataset } from './datasets.ts';
import type { GraphFile } from '../../src/core/dataset/format.ts';

explainSkip('the explorer on the sample corpus');
const DIMMED = '#dfe1e5';

let server: { url: string; close(): Promise<void> };
let graph: GraphFile;
const pages: WatchedPage[] = [];

async function open(query = '', viewport = { width: 1280, height: 800 }): Promise<WatchedPage> {
  const w = await openPage(server.url + query, viewport);
  pages.push(w);
  await graphDrawn(w.page);
  return w;
}

const box = (page: Page, selector: string) => page.locator(selector).boundingBox();
const cameraRatio = (page: Page) => page.evaluate(() => window.cablegraph!.sigma.getCamera().getState().ratio);
const displayColor = (page: Page, key: string) => page.evaluate((k) => window.cablegraph!.sigma.getNodeDisplayData(k)!.color, key);
/** The biggest entity of a community, and one of another community. */
function biggest(community: number, other = false): string {
  return graph.nodes
    .filter((n) => (n.attributes!.community === community) !== other)
    .sort((a, b) => b.attributes!.paragraphs - a.attributes!.paragraphs)[0]!.key;
}

describe.runIf(HAS_SHARED_SAMPLE).each(SERVE_MODES)('explorer on the sample corpus (%s)', (mode) => {
  beforeAll(async () => {
    const dir = sampleDataset()!;
    graph = readGraph(dir);
    server = await serveAs(mode, dir);
  });

  afterAll(async () => {
    for (const w of pages.splice(0)) await w.close();
    await server?.close();
  });

  it('gives the graph at least 65% of a 1280×800 window, no panel over it, and names the regions', async () => {
    const { page, errors } = await open();
    const stage = (await box(page, '#stage'))!;
    expect((stage.width * stage.height) / (1280 * 800)).toBeGreaterThanOrEqual(0.65);
    expect(await page.locator('#details').isVisible()).toBe(false);
    const regions = page.getByTestId('region-name');
    expect(await regions.count()).toBeGreaterThanOrEqual(8);
    const names = await page.getByTestId('community-name').allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(8);
    // Names say what a community is about, not a name beside its own demonym.
    for (const name of names) expect(name).not.toMatch(/\b(Russia, .*Russian|France, .*French|French, .*France)\b/);
    await screenshot(page, `sample-1280x800-${mode}`);
    expect(errors).toEqual([]);
  });

  it('folds the side panel away and gives its room to the graph', async () => {
    const { page } = await open();
    const before = (await box(page, '#stage'))!.width;
    await page.locator('[data-testid="panel-toggle"][data-panel="side"]').click();
    await page.waitForFunction((w) => document.getElementById('stage')!.getBoundingClientRect().width > w, before);
    expect((await box(page, '#stage'))!.width).toBeGreaterThan(before + 200);
  });

  it('focuses a community from its region name: camera on it, the rest dimmed, its members listed; Back returns', async () => {
    const { page, errors } = await open();
    const first = page.getByTestId('region-name').first();
    const id = Number(await first.getAttribute('data-community'));
    await first.click();
    await page.waitForFunction(() => window.cablegraph!.sigma.getCamera().getState().ratio < 0.9);
    expect(page.url()).toContain(`community=${id}`);
    expect(await displayColor(page, biggest(id, true))).toBe(DIMMED);
    expect(await displayColor(page, biggest(id))).not.toBe(DIMMED);
    await expect.poll(() => page.locator('#details .neighbour').count()).toBeGreaterThan(3);
    await screenshot(page, `sample-community-focus-${mode}`);
    await page.getByTestId('community-back').click();
    await page.waitForFunction(() => Math.abs(window.cablegraph!.sigma.getCamera().getState().ratio - 1) < 0.01);
    expect(page.url()).not.toContain('community=');
    expect(await displayColor(page, biggest(id, true))).not.toBe(DIMMED);
    // The browser's back button returns to the focus, and forward leaves it again.
    await page.goBack();
    await page.waitForFunction((c) => location.search.includes(`community=${c}`), id);
    await expect.poll(() => displayColor(page, biggest(id, true))).toBe(DIMMED);
    expect(errors).toEqual([]);
  });

  it('focuses a community from the legend too', async () => {
    const { page } = await open();
    await page.locator('.legend-row').nth(1).click();
    await page.waitForFunction(() => window.cablegraph!.sigma.getCamera().getState().ratio < 0.9);
    expect(page.url()).toMatch(/community=\d+/);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !location.search.includes('community='));
  });

  it('draws the type as a ring and the community as the fill, with a legend for both', async () => {
    const { page } = await open();
    const rings = await page.evaluate(() => {
      const sigma = window.cablegraph!.sigma;
      const out: Record<string, string> = {};
      sigma.getGraph().forEachNode((_, a) => void (out[a.entityType] = `${a.ringSize}/${a.ringColor}`));
      return out;
    });
    expect(new Set(Object.values(rings)).size).toBe(Object.keys(rings).length);
    expect(await page.locator('.type-toggle .type-ring').count()).toBe(Object.keys(rings).length);
  });

  it('picks the node drawn in full under the pointer, and a click on dimmed ground clears the selection', async () => {
    const { page } = await open();
    const hub = [...graph.nodes].sort((a, b) => b.attributes!.paragraphs - a.attributes!.paragraphs)[0]!.key;
    const at = await nodePosition(page, hub);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((k) => new URLSearchParams(location.search).get('node') === k, hub);
    const linked = new Set(graph.edges.flatMap((e) => (e.source === hub ? [e.target] : e.target === hub ? [e.source] : [])));
    // A dimmed node with nothing drawn in full near it (left of the details drawer, on the graph
    // itself): with the hub selected it is background.
    const drawer = (await box(page, '#details'))!;
    await expect.poll(() => displayColor(page, [...graph.nodes].find((n) => n.key !== hub && !linked.has(n.key))!.key)).toBe(DIMMED);
    const p = await page.evaluate(({ dimmed, right }) => {
      const sigma = window.cablegraph!.sigma;
      const box = sigma.getContainer().getBoundingClientRect();
      const drawn = sigma.getGraph().mapNodes((key) => {
        const d = sigma.getNodeDisplayData(key)!;
        const v = sigma.framedGraphToViewport(d);
        return { x: box.left + v.x, y: box.top + v.y, dimmed: d.color === dimmed };
      });
      const full = drawn.filter((n) => !n.dimmed);
      return drawn.find((n) => n.dimmed && n.x > box.left + 40 && n.x < right - 40 && n.y > box.top + 60 && n.y < box.bottom - 60
        && document.elementFromPoint(n.x, n.y)?.classList.contains('sigma-mouse')
        && full.every((f) => Math.hypot(f.x - n.x, f.y - n.y) > 30))!;
    }, { dimmed: DIMMED, right: drawer.x });
    expect(p).toBeDefined();
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('node'));
  });

  it('fits a phone: nothing scrolls sideways, the graph takes at least half of the first screen, panels are sheets', async () => {
    const { page, errors } = await open('', { width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const stage = (await box(page, '#stage'))!;
    expect(stage.y).toBeLessThan(844 / 2);
    expect(Math.min(stage.y + stage.height, 844) - stage.y).toBeGreaterThanOrEqual(844 / 2);
    expect(await page.locator('#sidebar').isVisible()).toBe(false);
    await page.locator('[data-testid="panel-toggle"][data-panel="side"]').click();
    const sheet = (await box(page, '#sidebar'))!;
    expect(sheet.y + sheet.height).toBeGreaterThan(840);
    expect(sheet.width).toBeLessThanOrEqual(390);
    await screenshot(page, `sample-phone-${mode}`);
    expect(errors).toEqual([]);
  });
});

afterAll(async () => {
  await closeBrowser();
});
