/**
 * `npm run bench:ui`: the explorer on a generated corpus whose overview graph is about 5,000
 * nodes and 30,000 edges (4,000 generated cables fill the builder's default overview), in
 * headless Chromium. Prints the time to the first drawn frame (sigma's afterRender after
 * load), a type-filter change (toggle to the next frame drawn), node click to paragraphs
 * shown (and to the graph's focus redrawn, which follows the text), and a search for a rare
 * entity outside the overview (Enter to its paragraphs shown, and to its ego network drawn),
 * each the median of a few runs. Aims: 2 s, 100 ms, 100 ms.
 *
 * `npm run bench:ui -- --sample` does the same on the shared sample (1,031 real cables, also a
 * full overview of 5,000 nodes; its biggest hub has fewer paragraphs). Aims: 2 s, 100 ms, 100 ms.
 *
 * `npm run bench:ui -- --scale` does the same on the whole of Cablegate (251,287 generated
 * cables, built by `npm run bench:scale` into .cache/build-251287/). Aims: 2 s, 100 ms, 300 ms.
 * A benchmark, not a test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { DATASET_VERSION, entityShardPath } from '../src/core/dataset/format.ts';
import type { EntityRecord, GraphFile, Manifest } from '../src/core/dataset/format.ts';
import { closeBrowser, graphDrawn, nodePosition, openPage, serve } from '../test/e2e/harness.ts';
import { ROOT, SAMPLE, generatedCorpus, requireShared } from './corpora.ts';

const SCALE = process.argv.includes('--scale');
const ON_SAMPLE = process.argv.includes('--sample');
const CABLES = 4000;
const RUNS = 5;
const CLICK_AIM = SCALE ? 300 : 100;

/** The full-size build of `npm run bench:scale`, which takes minutes: made there, not here. */
function scaleDataset(): string {
  const out = `${ROOT}.cache/build-251287/`;
  const manifest = `${out}manifest.json`;
  if (!existsSync(manifest) || (JSON.parse(readFileSync(manifest, 'utf8')) as { version: number }).version !== DATASET_VERSION) {
    console.error(`${out} is missing or of another format version: run \`npm run bench:scale -- 251287\` first`);
    process.exit(1);
  }
  return out;
}

function dataset(): string {
  const corpus = ON_SAMPLE ? SAMPLE : generatedCorpus(CABLES);
  const out = `${ROOT}.cache/datasets/bench-ui-${ON_SAMPLE ? 'sample' : CABLES}`;
  const manifest = `${out}/manifest.json`;
  const current = existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { version: number }).version === DATASET_VERSION;
  if (!current) {
    console.error(`building ${out} ...`);
    const r = spawnSync(process.execPath, [`${ROOT}bin/cablegraph.js`, 'build', corpus, '--out', out, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`cablegraph build failed with status ${r.status}`);
  }
  return `${out}/`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;

requireShared();
const dir = SCALE ? scaleDataset() : dataset();
const graph = JSON.parse(readFileSync(`${dir}graph.json`, 'utf8')) as GraphFile;
const manifest = JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as Manifest;
console.log(`${dir}: ${manifest.corpus.cables.toLocaleString('en')} cables, ${manifest.corpus.entities.toLocaleString('en')} entities`);

/**
 * A rare entity outside the overview, with connections and a label search can tell apart: from
 * the last entity shard (the entities first seen last in the corpus).
 */
function rareEntity(): EntityRecord {
  const shards = manifest.shards.entityStarts.length;
  const records = JSON.parse(readFileSync(`${dir}${entityShardPath(shards - 1)}`, 'utf8')) as EntityRecord[];
  const candidates = records.filter((r) => !r.inOverview && r.neighbors.length >= 3 && /^[A-Za-z][A-Za-z .'-]{5,}$/.test(r.label));
  const rare = candidates.sort((a, b) => a.paragraphs - b.paragraphs || a.id - b.id)[0];
  if (!rare) throw new Error('no rare entity with connections in the last entity shard');
  return rare;
}
const rare = rareEntity();
const types = [...new Set(graph.nodes.map((n) => n.attributes!.type))];
const hub = [...graph.nodes].sort((a, b) => b.attributes!.paragraphs - a.attributes!.paragraphs)[0]!;
console.log(`graph.json: ${graph.nodes.length} nodes, ${graph.edges.length} edges (${(readFileSync(`${dir}graph.json`).length / 1e6).toFixed(1)} MB); types ${types.join(', ')}`);

const server = await serve(dir);
const firstFrame: number[] = [];
const filter: number[] = [];
const click: number[] = [];
const focus: number[] = [];
const searched: number[] = [];
const egoDrawn: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const w = await openPage(server.url, { width: 1400, height: 860 });
    await graphDrawn(w.page);
    firstFrame.push(await w.page.evaluate(() => performance.getEntriesByName('cablegraph:first-frame')[0]!.startTime));

    // Type filter: from the toggle's click to the next frame drawn, for each type off then on.
    for (const type of types.slice(0, 2)) {
      for (let i = 0; i < 2; i++) {
        filter.push(
          await w.page.evaluate(async (t) => {
            const sigma = window.cablegraph!.sigma;
            const box = document.querySelector<HTMLInputElement>(`[data-testid="filter-type-${t}"]`)!;
            const drawn = new Promise<number>((resolve) => sigma.once('afterRender', () => resolve(performance.now())));
            const t0 = performance.now();
            box.click();
            return (await drawn) - t0;
          }, type),
        );
      }
    }

    // Node click: from the pointer going down on the hub to its first paragraphs on screen.
    const at = await nodePosition(w.page, hub.key);
    await w.page.evaluate(() => {
      performance.clearMarks('cablegraph:paragraphs-shown');
      const w = window as unknown as { clickAt: number; frames: number[] };
      w.frames = [];
      window.cablegraph!.sigma.on('afterRender', () => w.frames.push(performance.now()));
      document.addEventListener('pointerdown', (e) => (w.clickAt = e.timeStamp), { capture: true, once: true });
    });
    await w.page.mouse.click(at.x, at.y);
    await w.page.waitForFunction(() => performance.getEntriesByName('cablegraph:paragraphs-shown').length > 0, null, { timeout: 20_000 });
    click.push(await w.page.evaluate(() => performance.getEntriesByName('cablegraph:paragraphs-shown')[0]!.startTime - (window as unknown as { clickAt: number }).clickAt));
    // The graph redraws its focus right after the text: the first frame after the paragraphs.
    await w.page.waitForTimeout(1500);
    focus.push(
      await w.page.evaluate(() => {
        const w = window as unknown as { clickAt: number; frames: number[] };
        const shown = performance.getEntriesByName('cablegraph:paragraphs-shown')[0]!.startTime;
        return (w.frames.find((t) => t >= shown) ?? NaN) - w.clickAt;
      }),
    );

    // Search: the rare entity's label typed, its suggestion listed, then Enter to its paragraphs
    // and to the frame that draws its ego network.
    await w.page.getByTestId('search').fill(rare.label);
    await w.page.getByTestId('suggestion').first().waitFor();
    await w.page.evaluate(() => {
      performance.clearMarks('cablegraph:paragraphs-shown');
      const w = window as unknown as { enterAt: number; frames: number[] };
      w.frames = [];
      document.addEventListener('keydown', (e) => (w.enterAt = e.timeStamp), { capture: true, once: true });
    });
    await w.page.getByTestId('search').press('Enter');
    await w.page.waitForFunction(() => performance.getEntriesByName('cablegraph:paragraphs-shown').length > 0, null, { timeout: 20_000 });
    await w.page.waitForFunction((key) => window.cablegraph!.sigma.getGraph().hasNode(key), rare.key, { timeout: 20_000 });
    await w.page.waitForTimeout(500);
    const times = await w.page.evaluate(([key, label]) => {
      const w = window as unknown as { enterAt: number; frames: number[] };
      const shown = performance.getEntriesByName('cablegraph:paragraphs-shown')[0]!.startTime;
      const heading = document.querySelector('[data-testid="details"] h2')?.textContent;
      return { shown: shown - w.enterAt, drawn: (w.frames.find((t) => t >= shown) ?? NaN) - w.enterAt, right: heading === label && window.cablegraph!.sigma.getGraph().neighbors(key).length > 0 };
    }, [rare.key, rare.label] as const);
    if (!times.right) throw new Error(`search for '${rare.label}' did not open it with its connections`);
    searched.push(times.shown);
    egoDrawn.push(times.drawn);
    if (w.errors.length) console.error(`page errors: ${w.errors.join('; ')}`);
    await w.close();
  }
} finally {
  await closeBrowser();
  await server.close();
}

console.log(`first drawn frame        ${ms(median(firstFrame))}  (aim ≤ 2000 ms; runs ${firstFrame.map(ms).join(', ')})`);
console.log(`type-filter change       ${ms(median(filter))}  (aim ≤ 100 ms; ${filter.length} changes, max ${ms(Math.max(...filter))})`);
console.log(`node click → paragraphs  ${ms(median(click))}  (aim ≤ ${CLICK_AIM} ms; runs ${click.map(ms).join(', ')}; node '${hub.key}', ${hub.attributes!.paragraphs} paragraphs)`);
console.log(`node click → graph focus ${ms(median(focus))}  (the redraw that follows the text; runs ${focus.map(ms).join(', ')})`);
console.log(`search rare entity → paragraphs  ${ms(median(searched))}  ('${rare.label}', ${rare.paragraphs} paragraphs, outside the overview; runs ${searched.map(ms).join(', ')})`);
console.log(`search rare entity → ego network drawn  ${ms(median(egoDrawn))}  (${rare.neighbors.length} connections; runs ${egoDrawn.map(ms).join(', ')})`);
