/**
 * Entities the overview leaves out (here: the seed built with an overview of 8 entities) are
 * still found by search, and choosing one draws it with its strongest connections around it,
 * with its paragraphs in the panel; the network goes when the selection does, and a link to the
 * entity brings it back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EntityRecord } from '../../src/core/dataset/format.ts';
import { cameraSettled, closeAll, graphDrawn, nodePosition, openPage, screenshot, serve } from './harness.ts';
import type { WatchedPage } from './harness.ts';
import { buildDataset, readEntities, readGraph } from './datasets.ts';
import { ROOT } from '../helpers.ts';

const OVERVIEW = 8;
let server: { url: string; close(): Promise<void> };
let dir: string;
const pages: WatchedPage[] = [];

beforeAll(async () => {
  dir = buildDataset('seed-small-overview', [`${ROOT}data/`], ['--lexicon', `${ROOT}data/lexicon.tsv`, '--aliases', `${ROOT}data/aliases.tsv`, '--max-nodes', String(OVERVIEW)]);
  server = await serve(dir);
});

afterAll(() => closeAll(pages, [server]));

const drawnNodes = (page: Page) => page.evaluate(() => window.cablegraph!.sigma.getGraph().nodes().sort());
const neighboursOf = (page: Page, key: string) => page.evaluate((k) => window.cablegraph!.sigma.getGraph().neighbors(k).sort(), key);

describe('an entity outside the overview', () => {
  it('is found by search and drawn with its connections around it, its paragraphs shown', async () => {
    const overview = readGraph(dir).nodes.map((n) => n.key).sort();
    expect(overview).toHaveLength(OVERVIEW);
    // The rarest entity outside the overview that still has a few connections.
    const outside = [...readEntities(dir).values()].filter((r) => !r.inOverview && r.neighbors.length >= 3)
      .sort((a, b) => a.paragraphs - b.paragraphs || a.key.localeCompare(b.key));
    const rare: EntityRecord = outside[0]!;
    expect(rare).toBeDefined();

    const w = await openPage(server.url);
    pages.push(w);
    await graphDrawn(w.page);
    expect(await drawnNodes(w.page)).toEqual(overview);

    await w.page.getByTestId('search').fill(rare.label);
    await w.page.getByTestId('suggestion').first().waitFor();
    await w.page.getByTestId('search').press('Enter');
    await w.page.getByTestId('paragraph').first().waitFor();
    expect(await w.page.getByTestId('details').locator('h2').textContent()).toBe(rare.label);
    expect(await w.page.getByTestId('paragraph').count()).toBe(Math.min(rare.postings.length, 20));
    expect(await w.page.getByTestId('details').textContent()).toContain('drawn here with its strongest connections');

    // Drawn, with every listed neighbour joined to it, and within the stage.
    expect(await neighboursOf(w.page, rare.key)).toEqual(rare.neighbors.map(([, , key]) => key).sort());
    const stage = (await w.page.locator('#graph').boundingBox())!;
    // The camera moves to it: wait for the node to come inside the stage and the move to end.
    const inside = async () => {
      const at = await nodePosition(w.page, rare.key);
      return at.x > stage.x && at.x < stage.x + stage.width && at.y > stage.y && at.y < stage.y + stage.height;
    };
    await expect.poll(inside).toBe(true);
    await cameraSettled(w.page);
    expect(await inside()).toBe(true);
    await screenshot(w.page, 'ego-network');

    // Closing the panel takes the network away; a link to the entity draws it again.
    await w.page.keyboard.press('Escape');
    await w.page.waitForFunction((n) => window.cablegraph!.sigma.getGraph().order === n, overview.length);
    expect(await drawnNodes(w.page)).toEqual(overview);
    const linked = await openPage(`${server.url}?node=${encodeURIComponent(rare.key)}`);
    pages.push(linked);
    await graphDrawn(linked.page);
    await linked.page.getByTestId('paragraph').first().waitFor();
    expect(await neighboursOf(linked.page, rare.key)).toEqual(rare.neighbors.map(([, , key]) => key).sort());
    expect([...w.errors, ...linked.errors]).toEqual([]);
  });
});
