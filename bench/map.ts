/**
 * `npm run bench:map`: how well the overview reads as a map of its communities, on the shared
 * sample's build (positions as the explorer draws them): the share of nodes whose nearest node is
 * of their community, the communities' mean silhouette by plane distance, and their spread (to
 * see that no community was squashed into a point), next to the same figures with communities
 * shuffled over the nodes (what chance gives). Also the layout phase's time, and in headless
 * Chromium at 1280×800 the share of the 100 most cited entities whose label is on screen at
 * the default zoom (labels never overlap, so not all can be).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE, requireShared } from './corpora.ts';
import { runBuild } from './run-build.ts';
import { mapQuality, type MapPoint } from '../src/core/graph/map-quality.ts';
import { seededRandom } from '../src/core/graph/random.ts';
import type { GraphFile } from '../src/core/dataset/format.ts';
import { closeBrowser, graphDrawn, openPage, serve } from '../test/e2e/harness.ts';

requireShared();
const scratch = mkdtempSync(join(tmpdir(), 'cg-map-'));
const out = join(scratch, 'dataset');
const timings = runBuild([SAMPLE], [], out);
const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')) as GraphFile;

const points: MapPoint[] = graph.nodes.map((n) => ({ x: n.attributes!.x, y: n.attributes!.y, community: n.attributes!.community }));
const random = seededRandom(1);
const communities = points.map((p) => p.community);
for (let i = communities.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [communities[i], communities[j]] = [communities[j]!, communities[i]!];
}
const shuffled = points.map((p, i) => ({ ...p, community: communities[i]! }));

const row = (name: string, q: ReturnType<typeof mapQuality>) =>
  console.log(`${name.padEnd(22)} nearest same community ${q.nearestSameCommunity.toFixed(3)} · silhouette ${q.silhouette.toFixed(3)} · spread (RMS radius / √size) median ${q.spread.median.toFixed(2)}, smallest ${q.spread.min.toFixed(2)} over ${q.spread.communities} communities of ≥ 10`);
console.log(`sample overview: ${points.length.toLocaleString('en')} nodes, ${graph.edges.length.toLocaleString('en')} links; layout ${timings.phases.layout!.toFixed(2)} s`);
row('as laid out', mapQuality(points));
row('communities shuffled', mapQuality(shuffled));

const server = await serve(out);
const page = await openPage(server.url, { width: 1280, height: 800 });
await graphDrawn(page.page);
const shown = new Set(await page.page.evaluate(() => window.cablegraph!.labelsShown()));
const top = [...graph.nodes].sort((a, b) => b.attributes!.paragraphs - a.attributes!.paragraphs).slice(0, 100);
const covered = top.filter((n) => shown.has(n.key)).length;
console.log(`labels at the default zoom (1280×800): ${shown.size} on screen; ${covered} of the 100 most cited entities`);
await page.close();
await closeBrowser();
await server.close();
rmSync(scratch, { recursive: true, force: true });
console.log('aims: nearest same community ≥ 0.8, silhouette ≥ 0.2');
