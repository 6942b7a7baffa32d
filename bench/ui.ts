/**
 * `npm run bench:ui`: the explorer on a generated corpus whose overview graph is about 5,000
 * nodes and 30,000 edges (4,000 generated cables fill the builder's default overview), in
 * headless Chromium. Prints the time to the first drawn frame (sigma's afterRender after
 * load), a type-filter change (toggle to the next frame drawn), and node click to paragraphs
 * shown (and to the graph's focus redrawn, which follows the text), each the median of a few
 * runs. Aims: 2 s, 100 ms, 300 ms. A benchmark, not a test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { DATASET_VERSION } from '../src/core/dataset/format.ts';
import type { GraphFile } from '../src/core/dataset/format.ts';
import { closeBrowser, graphDrawn, nodePosition, openPage, serve } from '../test/e2e/harness.ts';
import { ROOT, generatedCorpus, requireShared } from './corpora.ts';

const CABLES = 4000;
const RUNS = 5;

function dataset(): string {
  const corpus = generatedCorpus(CABLES);
  const out = `${ROOT}.cache/datasets/bench-ui-${CABLES}`;
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
const dir = dataset();
const graph = JSON.parse(readFileSync(`${dir}graph.json`, 'utf8')) as GraphFile;
const types = [...new Set(graph.nodes.map((n) => n.attributes!.type))];
const hub = [...graph.nodes].sort((a, b) => b.attributes!.paragraphs - a.attributes!.paragraphs)[0]!;
console.log(`graph.json: ${graph.nodes.length} nodes, ${graph.edges.length} edges (${(readFileSync(`${dir}graph.json`).length / 1e6).toFixed(1)} MB); types ${types.join(', ')}`);

const server = await serve(dir);
const firstFrame: number[] = [];
const filter: number[] = [];
const click: number[] = [];
const focus: number[] = [];
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
    if (w.errors.length) console.error(`page errors: ${w.errors.join('; ')}`);
    await w.close();
  }
} finally {
  await closeBrowser();
  await server.close();
}

console.log(`first drawn frame        ${ms(median(firstFrame))}  (aim ≤ 2000 ms; runs ${firstFrame.map(ms).join(', ')})`);
console.log(`type-filter change       ${ms(median(filter))}  (aim ≤ 100 ms; ${filter.length} changes, max ${ms(Math.max(...filter))})`);
console.log(`node click → paragraphs  ${ms(median(click))}  (aim ≤ 300 ms; runs ${click.map(ms).join(', ')}; node '${hub.key}', ${hub.attributes!.paragraphs} paragraphs)`);
console.log(`node click → graph focus ${ms(median(focus))}  (the redraw that follows the text; runs ${focus.map(ms).join(', ')})`);
