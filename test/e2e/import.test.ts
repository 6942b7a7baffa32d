/**
 * Opening a corpus in the page, in Debian's Chromium, on a site served with no dataset: the seed
 * cable, five sample cables and their metadata.csv set on the file input build in the page's
 * worker with progress shown, and give the same graph as `cablegraph build` of the same files
 * (same nodes, same edge weights); a bad file among them is listed and the rest load; the
 * explorer opens in steps, drawn out of sight and then shown with every node and edge; the
 * dataset downloads as one file that reopens without parsing; a foreign file says what is
 * wrong; Cancel stops a build; an added lexicon term rebuilds and downloads as a file core parses. No console errors.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseLexicon } from '../../src/core/entities/lexicon.ts';
import { basename } from 'node:path';
import type { GraphFile, Manifest } from '../../src/core/dataset/format.ts';
import { HAS_SHARED_SAMPLE, ROOT, SEED_FILE, SHARED_SAMPLE, explainSkip } from '../helpers.ts';
import { buildDataset, readGraph } from './datasets.ts';
import { OUTPUT, PATIENCE, closeAll, graphDrawn, openPage, screenshot, serve } from './harness.ts';
import type { WatchedPage } from './harness.ts';

const INPUT = `${OUTPUT}import-input/`;
const BROKEN = { name: 'broken.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe]) };

let server: { url: string; close(): Promise<void> };
let cli: GraphFile;
let inputs: string[];
const pages: WatchedPage[] = [];

/** The page's drawn graph as node keys and edge weights by pair. */
async function drawn(page: Page): Promise<{ nodes: string[]; weights: Record<string, number> }> {
  return page.evaluate(() => {
    const graph = window.cablegraph!.sigma.getGraph();
    const weights: Record<string, number> = {};
    graph.forEachEdge((_, attrs, s, t) => (weights[s < t ? `${s}|${t}` : `${t}|${s}`] = attrs.weight as number));
    return { nodes: graph.nodes().sort(), weights };
  });
}

function expected(graph: GraphFile): { nodes: string[]; weights: Record<string, number> } {
  const weights: Record<string, number> = {};
  for (const e of graph.edges) weights[e.source < e.target ? `${e.source}|${e.target}` : `${e.target}|${e.source}`] = e.attributes!.weight;
  return { nodes: graph.nodes.map((n) => n.key).sort(), weights };
}

async function open(): Promise<WatchedPage> {
  const w = await openPage(server.url);
  pages.push(w);
  await w.page.getByTestId('import-invite').waitFor();
  return w;
}

/** Records whether the progress card showed figures while the build ran. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    const card = document.querySelector<HTMLElement>('[data-testid="import-progress"]')!;
    new MutationObserver(() => {
      if (!card.hidden) seen.push(card.textContent ?? '');
    }).observe(card, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Waits for the explorer of an import: a view newly on screen after the files were given. */
async function imported(page: Page, views: number): Promise<void> {
  await page.waitForFunction((n) => performance.getEntriesByName('cablegraph:import-shown').length > n, views, { timeout: PATIENCE });
}

const viewsShown = (page: Page) => page.evaluate(() => performance.getEntriesByName('cablegraph:import-shown').length);

explainSkip('the in-browser import compared with the CLI on sample cables');

beforeAll(async () => {
  if (!HAS_SHARED_SAMPLE) return;
  rmSync(INPUT, { recursive: true, force: true });
  mkdirSync(INPUT, { recursive: true });
  const picked = readdirSync(SHARED_SAMPLE).filter((f) => f.endsWith('.txt')).sort().slice(0, 5);
  for (const f of picked) copyFileSync(SHARED_SAMPLE + f, INPUT + f);
  copyFileSync(SEED_FILE, `${INPUT}000_6dcb42eed13933de.txt`);
  copyFileSync(`${SHARED_SAMPLE}metadata.csv`, `${INPUT}metadata.csv`);
  inputs = readdirSync(INPUT).map((f) => INPUT + f);
  cli = readGraph(buildDataset('import-cli', [INPUT.slice(0, -1)]));
  // No dataset served: the page opens on its invitation to drop a corpus.
  server = await serve(`${OUTPUT}datasets/none/`);
});

afterAll(() => closeAll(pages, [server]));

const only404 = (errors: string[]) => errors.filter((e) => !/404/.test(e));

describe.runIf(HAS_SHARED_SAMPLE)('opening a corpus in the page', () => {
  it('builds dropped cables with progress into the same graph as the CLI; a bad file is listed, the rest load', async () => {
    const w = await open();
    await screenshot(w.page, 'import-invite');
    await watchProgress(w.page);
    await w.page.getByTestId('import').setInputFiles([...inputs.map((path) => ({ name: path.slice(INPUT.length), mimeType: 'text/plain', buffer: readFileSync(path) })), BROKEN]);
    await imported(w.page, 0);
    await graphDrawn(w.page);

    const seen = await w.page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.some((t) => /cables? ·.*paragraphs? ·.*entit/.test(t))).toBe(true);
    expect(seen.some((t) => t.includes('Drawing the graph…'))).toBe(true);
    expect(await w.page.getByTestId('import-progress').isHidden()).toBe(true);

    expect(await drawn(w.page)).toEqual(expected(cli));

    const problems = w.page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/broken\.txt.*not loaded/);
    expect(await problems.textContent()).toMatch(/1 file not loaded/);
    await screenshot(w.page, 'import-problems');

    // Dates and posts from metadata.csv show with each paragraph of a dated cable.
    const dated = cli.nodes.find((n) => n.attributes!.cables === 1 && n.attributes!.label.startsWith('Harare'))?.key ?? cli.nodes.find((n) => /harare|zimbabwe/i.test(n.key))!.key;
    await w.page.evaluate((key) => {
      history.pushState(null, '', `?node=${encodeURIComponent(key)}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, dated);
    await w.page.getByTestId('paragraph').first().waitFor();
    expect(await w.page.locator('.cable-date').first().textContent()).toMatch(/^2000-11-29/);
    expect(await w.page.locator('.cable-origin').first().textContent()).toBe('Embassy Harare');
    expect(only404(w.errors)).toEqual([]);
  });

  it('opens the explorer in steps, out of sight until the GPU has drawn it, then shows every node and edge', async () => {
    const w = await open();
    await w.page.getByTestId('import').setInputFiles(inputs);
    await imported(w.page, 0);
    const view = await w.page.evaluate(() => {
      const sigma = window.cablegraph!.sigma;
      const graph = sigma.getGraph();
      const at = (name: string) => performance.getEntriesByName(name)[0]!.startTime;
      return {
        steps: performance.getEntriesByType('measure').filter((m) => m.name.startsWith('cablegraph:open ')).map((m) => m.name.slice('cablegraph:open '.length)),
        drawnBeforeShown: at('cablegraph:first-frame') <= at('cablegraph:import-shown'),
        outOfSight: Object.values(sigma.getCanvases()).filter((c) => getComputedStyle(c).visibility !== 'visible').length,
        nodes: graph.filterNodes((n) => sigma.getNodeDisplayData(n)?.hidden === false).length,
        edges: graph.filterEdges((e) => sigma.getEdgeDisplayData(e)?.hidden === false).length,
      };
    });
    expect(view.steps).toEqual(['graph read', 'graph checked', 'drawn graph', 'filters', 'renderer', 'first frame', 'panels', 'drawn by the GPU']);
    expect(view.drawnBeforeShown).toBe(true);
    expect(view.outOfSight).toBe(0);
    expect(view.nodes).toBe(cli.nodes.length);
    expect(view.edges).toBe(cli.edges.length);
    expect(only404(w.errors)).toEqual([]);
  });

  it('downloads the dataset as one file that reopens without parsing; a foreign file says what is wrong', async () => {
    const w = await open();
    await w.page.getByTestId('import').setInputFiles(inputs);
    await imported(w.page, 0);
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByTestId('download-dataset').click()]);
    expect(download.suggestedFilename()).toBe('corpus.cablegraph.json');
    const bundle = `${OUTPUT}import-corpus.cablegraph.json`;
    await download.saveAs(bundle);

    const again = await open();
    await again.page.getByTestId('import').setInputFiles(bundle);
    await imported(again.page, 0);
    expect(await drawn(again.page)).toEqual(expected(cli));

    const views = await viewsShown(again.page);
    const foreign = `${OUTPUT}foreign.cablegraph.json`;
    writeFileSync(foreign, '{"format":"something-else"}');
    await again.page.getByTestId('import').setInputFiles(foreign);
    const error = again.page.getByTestId('import-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/foreign\.cablegraph\.json: not a Cablegraph dataset/);
    // The dataset shown before stays.
    expect(await viewsShown(again.page)).toBe(views);
    expect(await drawn(again.page)).toEqual(expected(cli));
    expect(only404([...w.errors, ...again.errors])).toEqual([]);
  });

  it('Cancel stops a build at once and leaves the invitation', async () => {
    const w = await open();
    const many = readdirSync(SHARED_SAMPLE).filter((f) => f.endsWith('.txt')).sort().slice(0, 300).map((f) => SHARED_SAMPLE + f);
    await w.page.getByTestId('import').setInputFiles(many);
    await w.page.getByTestId('import-progress').waitFor();
    await w.page.getByTestId('import-cancel').click();
    await w.page.getByTestId('import-invite').waitFor();
    expect(await w.page.getByTestId('import-progress').isHidden()).toBe(true);
    expect(await w.page.getByTestId('import-error').isHidden()).toBe(true);
    expect(await viewsShown(w.page)).toBe(0);
    expect(only404(w.errors)).toEqual([]);
  });

  it('a folder with cables, metadata.csv, lexicon.tsv and aliases.tsv gives the same manifest in the page as from the CLI', async () => {
    // The CLI is given the folder alone: the lexicon and alias tables next to the cables are used.
    const folder = `${OUTPUT}import-four/`;
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    for (const path of inputs) copyFileSync(path, folder + basename(path));
    copyFileSync(`${ROOT}data/lexicon.tsv`, `${folder}lexicon.tsv`);
    copyFileSync(`${ROOT}data/aliases.tsv`, `${folder}aliases.tsv`);
    const cliDir = buildDataset('import-four-cli', [folder.slice(0, -1)]);
    const cliManifest = JSON.parse(readFileSync(`${cliDir}manifest.json`, 'utf8')) as Manifest;
    expect(cliManifest.corpus.mentions.lexicon).toBeGreaterThan(0);

    const w = await open();
    await w.page.getByTestId('import').setInputFiles(readdirSync(folder).map((f) => folder + f));
    await imported(w.page, 0);
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByTestId('download-dataset').click()]);
    const bundle = JSON.parse(readFileSync(await download.path(), 'utf8')) as { files: Record<string, string> };
    const pageManifest = JSON.parse(bundle.files['manifest.json']!) as Manifest;
    // File names differ by the folder's own name (the CLI walks it; the page was handed its files).
    const names = (m: Manifest) => ({
      ...m,
      options: { ...m.options, metadata: (m.options.metadata as string[]).map((n) => basename(n)), lexicon: basename(m.options.lexicon as string), aliases: basename(m.options.aliases as string) },
    });
    expect(names(pageManifest)).toEqual(names(cliManifest));
    expect(only404(w.errors)).toEqual([]);
  });

  it('a term added in the editor rebuilds the graph and downloads as a lexicon core reads', async () => {
    const w = await open();
    await w.page.getByTestId('import').setInputFiles(inputs);
    await imported(w.page, 0);
    await w.page.getByRole('button', { name: 'Lexicon & aliases' }).click();
    const editor = w.page.getByTestId('import-editor');
    await editor.getByLabel('Term').fill('cocaleros');
    await editor.getByLabel('Type', { exact: true }).fill('GROUP');
    await editor.getByLabel('Variants').fill('cocalero|coca growers');
    await editor.getByRole('button', { name: 'Add term' }).click();
    await screenshot(w.page, 'import-editor');
    const views = await viewsShown(w.page);
    await editor.getByTestId('rebuild').click();
    await imported(w.page, views);
    expect((await drawn(w.page)).nodes).toContain('cocaleros');
    await expect.poll(() => editor.locator('.editor-changes').textContent()).toMatch(/New in the graph: .*cocaleros/);

    const [download] = await Promise.all([w.page.waitForEvent('download'), editor.getByTestId('download-lexicon').click()]);
    expect(download.suggestedFilename()).toBe('lexicon.tsv');
    const path = `${OUTPUT}import-lexicon.tsv`;
    await download.saveAs(path);
    const { lexicon, diagnostics } = parseLexicon(readFileSync(path, 'utf8'), 'lexicon.tsv');
    expect(diagnostics).toEqual([]);
    expect(lexicon.entries.map((e) => [e.term, e.type, e.variants])).toEqual([['cocaleros', 'GROUP', ['cocaleros', 'cocalero', 'coca growers']]]);
    expect(only404(w.errors)).toEqual([]);
  });
});
