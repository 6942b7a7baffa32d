/**
 * The "What stands out" panel on the seed cable, built with the real CLI, in Debian's Chromium:
 * it lists the brokers and pairings of standouts.json, a pairing opens exactly the paragraphs the
 * two share, a broker opens its own, the legend shows each community's stability, and colouring
 * by the consensus gives each node the colour of the build community its cluster matched.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intersectSorted } from '../../src/app/data/evidence.ts';
import { OTHER_COLOR } from '../../src/core/dataset/appearance.ts';
import type { StandoutsFile } from '../../src/core/dataset/format.ts';
import { closeAll, graphDrawn, openPage, screenshot, serve } from './harness.ts';
import type { WatchedPage } from './harness.ts';
import { readEntities, readGraph, seedDataset } from './datasets.ts';

let server: { url: string; close(): Promise<void> };
let dir: string;
let file: StandoutsFile;
const pages: WatchedPage[] = [];

async function open(): Promise<WatchedPage> {
  const w = await openPage(server.url);
  pages.push(w);
  await graphDrawn(w.page);
  await w.page.getByTestId('standout-broker').first().waitFor();
  return w;
}

beforeAll(async () => {
  dir = seedDataset();
  file = JSON.parse(readFileSync(`${dir}standouts.json`, 'utf8')) as StandoutsFile;
  server = await serve(dir);
});

afterAll(() => closeAll(pages, [server]));

describe('What stands out', () => {
  it('lists the brokers and pairings of standouts.json and puts a stability score on legend rows', async () => {
    expect(file.brokers.length).toBeGreaterThan(0);
    expect(file.pairs.length).toBeGreaterThan(0);
    const w = await open();
    const brokers = w.page.getByTestId('standout-broker');
    expect(await brokers.count()).toBe(Math.min(8, file.brokers.length));
    expect(await brokers.first().locator('.label').textContent()).toBe(file.brokers[0]!.label);
    expect(await w.page.getByTestId('standout-pair').count()).toBe(Math.min(8, file.pairs.length));
    const rows = await w.page.locator('.legend-row').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.community)));
    const scored = rows.filter((id) => file.stability.communities.some((c) => c.id === id));
    expect(scored.length).toBeGreaterThan(0);
    expect(await w.page.getByTestId('legend-stability').count()).toBe(scored.length);
    const first = w.page.locator('.legend-row[data-community="0"]').getByTestId('legend-stability');
    expect(await first.textContent()).toBe(`${Math.round(file.stability.communities.find((c) => c.id === 0)!.score * 100)}%`);
    await screenshot(w.page, 'standouts');
    expect(w.errors).toEqual([]);
  });

  it('a pairing opens exactly the paragraphs the two share; a broker opens its own', async () => {
    const w = await open();
    const pair = file.pairs[0]!;
    const entities = readEntities(dir);
    const shared = intersectSorted(entities.get(pair.sourceKey)!.postings, entities.get(pair.targetKey)!.postings);
    expect(shared.length).toBe(pair.weight);
    await w.page.getByTestId('standout-pair').first().click();
    const details = w.page.getByTestId('details');
    await expect.poll(() => details.locator('h2').textContent()).toBe(`${pair.sourceLabel} — ${pair.targetLabel}`);
    await expect.poll(() => details.getByTestId('paragraph').count()).toBe(shared.length);

    const broker = file.brokers[0]!;
    await w.page.getByTestId('standout-broker').first().click();
    await expect.poll(() => details.locator('h2').textContent()).toBe(broker.label);
    expect(new URL(w.page.url()).searchParams.get('node')).toBe(broker.key);
    expect(w.errors).toEqual([]);
  });

  it('colouring by the consensus gives each node the colour of the community its cluster matched', async () => {
    const w = await open();
    const colorOf = () => w.page.evaluate(() => {
      const g = window.cablegraph!.sigma.getGraph();
      return Object.fromEntries(g.mapNodes((key, a) => [key, a.color as string]));
    });
    const build = await colorOf();
    const graph = readGraph(dir);
    const communityColor = new Map<number, string>();
    for (const n of graph.nodes) communityColor.set(n.attributes!.community, build[n.key]!);
    const keyOf = new Map(graph.nodes.map((n) => [n.attributes!.id, n.key]));

    await w.page.getByTestId('standout-partition').selectOption('consensus');
    const { nodes, consensus } = file.stability.overview;
    await expect.poll(async () => {
      const now = await colorOf();
      return nodes.every((e, i) => now[keyOf.get(e)!] === (communityColor.get(consensus[i]!) ?? OTHER_COLOR));
    }).toBe(true);
    await w.page.getByTestId('standout-partition').selectOption('build');
    await expect.poll(colorOf).toEqual(build);

    await w.page.getByTestId('standout-mark-unstable').check();
    const unstable = nodes.filter((_, i) => file.stability.overview.scores[i]! <= 0.5).map((e) => keyOf.get(e)!);
    const marked = await w.page.evaluate(() => window.cablegraph!.sigma.getGraph().filterNodes((_, a) => a.highlighted === true));
    expect(marked.sort()).toEqual(unstable.sort());
    expect(w.errors).toEqual([]);
  });
});
