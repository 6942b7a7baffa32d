/**
 * `npm run bench:slices`: recomputing the drawn overview for a slice of the corpus, as a brush
 * move on the timeline or a facet pick does. On the real Cablegate sample (built once into
 * .cache/datasets/sample), and on the whole of Cablegate when `npm run bench:scale` has left its
 * build in .cache/build-251287/ (not built here: it takes minutes). Prints the time to load what
 * slicing needs (cables, overview postings, each link's evidence) and the median and worst time
 * per brush move and per facet pick. Aims: 300 ms per move on the sample, 1 s on 251k.
 * A benchmark, not a test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { openDatasetFolder } from '../src/cli/dataset-folder.ts';
import { DATASET_VERSION } from '../src/core/dataset/format.ts';
import { loadOverviewSlices, sliceOverview } from '../src/core/slices/overview-slices.ts';
import { subsetWeights } from '../src/core/slices/subset-graph.ts';
import { SliceEvidence } from '../src/core/slices/evidence.ts';
import { shortestPaths } from '../src/core/slices/paths.ts';
import { cableRefGraph } from '../src/core/slices/cable-refs.ts';
import { facetCounts, NO_DAY, type SliceFilter } from '../src/core/slices/slice-index.ts';
import { dayText } from '../src/core/days.ts';
import { ROOT, SAMPLE, requireShared } from './corpora.ts';

const current = (dir: string) => existsSync(`${dir}manifest.json`)
  && (JSON.parse(readFileSync(`${dir}manifest.json`, 'utf8')) as { version: number }).version === DATASET_VERSION;

function sampleDataset(): string {
  const out = `${ROOT}.cache/datasets/sample/`;
  const stale = !current(out) || !existsSync(`${out}cables/0.json`) || !readFileSync(`${out}cables/0.json`, 'utf8').includes('"tags":[', 200);
  if (stale) {
    console.error(`building ${out} ...`);
    const r = spawnSync(process.execPath, [`${ROOT}bin/cablegraph.js`, 'build', SAMPLE, '--out', out, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`cablegraph build failed with status ${r.status}`);
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;

async function bench(name: string, dir: string): Promise<void> {
  let t0 = performance.now();
  const reader = await openDatasetFolder(dir);
  const slices = await loadOverviewSlices(reader);
  const load = performance.now() - t0;
  const { index, base } = slices;
  const days = [...index.day].filter((d) => d !== NO_DAY).sort((a, b) => a - b);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  // Brush moves: a window of a fifth of the span sliding across it, as a drag would.
  const moves: number[] = [];
  const width = Math.max(1, Math.round((last - first) / 5));
  for (let i = 0; i <= 20; i++) {
    const from = first + Math.round(((last - first - width) * i) / 20);
    const filter: SliceFilter = { from: dayText(from), to: dayText(from + width) };
    t0 = performance.now();
    sliceOverview(slices, filter);
    facetCounts(index, filter);
    moves.push(performance.now() - t0);
  }
  // Facet picks: the most common post, then tag, then both with a year.
  const counts = facetCounts(index, {});
  const picks: number[] = [];
  for (const filter of [
    { origins: [counts.origins[0]!.value] },
    { tags: [counts.tags[0]!.value, counts.tags[1]!.value] },
    { origins: [counts.origins[0]!.value], tags: [counts.tags[0]!.value], from: dayText(last - 365), to: dayText(last) },
  ] as SliceFilter[]) {
    t0 = performance.now();
    sliceOverview(slices, filter);
    facetCounts(index, filter);
    picks.push(performance.now() - t0);
  }
  const evidence = base.edgeParagraphs.items.length + base.nodeParagraphs.items.length;
  console.log(`${name}: ${index.cables.toLocaleString('en')} cables, ${index.paragraphs.toLocaleString('en')} paragraphs; overview ${base.nodeParagraphs.offsets.length - 1} nodes, ${base.source.length} links, ${evidence.toLocaleString('en')} postings in its rows`);
  console.log(`  load ${ms(load)} · brush move median ${ms(median(moves))}, worst ${ms(Math.max(...moves))} · facet pick median ${ms(median(picks))}, worst ${ms(Math.max(...picks))}`);
}

/**
 * Without a 251k build: the sample's slicing arrays repeated until they hold as many paragraphs
 * as Cablegate (251,287 cables at the sample's paragraphs per cable), every copy's paragraphs
 * offset, so a move scans as many postings as it would there if the overview's entities kept
 * their share of the corpus. An estimate of the per-move cost only.
 */
async function estimate(dir: string): Promise<void> {
  const { index, base } = await loadOverviewSlices(await openDatasetFolder(dir));
  const copies = Math.round(251_287 / index.cables);
  const paragraphs = index.paragraphs * copies;
  const repeat = (r: { offsets: Uint32Array; items: Uint32Array }) => {
    const rows = r.offsets.length - 1;
    const offsets = new Uint32Array(rows + 1);
    const items = new Uint32Array(r.items.length * copies);
    let at = 0;
    for (let i = 0; i < rows; i++) {
      for (let k = 0; k < copies; k++) {
        for (let j = r.offsets[i]!; j < r.offsets[i + 1]!; j++) items[at++] = r.items[j]! + k * index.paragraphs;
      }
      offsets[i + 1] = at;
    }
    return { offsets, items };
  };
  const big = { ...base, nodeParagraphs: repeat(base.nodeParagraphs), edgeParagraphs: repeat(base.edgeParagraphs) };
  // Copy k's positions follow copy k-1's: rows stay ascending, and a fifth of the positions
  // stands for a fifth of the time span.
  const cableAt = new Uint32Array(paragraphs);
  for (let k = 0; k < copies; k++) {
    for (let i = 0; i < index.paragraphs; i++) cableAt[k * index.paragraphs + i] = index.positionCable[i]! + k * index.cables;
  }
  const times: number[] = [];
  const faceted: number[] = [];
  for (let i = 0; i < 11; i++) {
    const lo = Math.round((paragraphs * 4 * i) / 50);
    const hi = lo + Math.round(paragraphs / 5);
    let t0 = performance.now();
    subsetWeights(big, { lo, hi, mask: null });
    times.push(performance.now() - t0);
    // With a facet: the cables of one post in three, masked over the span, as sliceSpan does.
    t0 = performance.now();
    const cables = new Uint8Array(index.cables * copies);
    for (let c = 0; c < cables.length; c++) cables[c] = c % 3 === 0 ? 1 : 0;
    const mask = new Uint8Array(paragraphs);
    for (let p = lo; p < hi; p++) mask[p] = cables[cableAt[p]!]!;
    subsetWeights(big, { lo, hi, mask });
    faceted.push(performance.now() - t0);
  }
  console.log(`estimate at 251k (the sample's arrays ×${copies}: ${paragraphs.toLocaleString('en')} paragraphs, ${(big.nodeParagraphs.items.length + big.edgeParagraphs.items.length).toLocaleString('en')} postings): brush move median ${ms(median(times))}, worst ${ms(Math.max(...times))}; with a facet picked ${ms(median(faceted))}, worst ${ms(Math.max(...faceted))}`);
}

/**
 * What `evidence`, `path` and `refs` do, in process on a freshly opened dataset (so every shard
 * they touch is read from disk): the two most mentioned drawn entities' shared paragraphs, paths
 * between entities far apart in the overview's order, a cable's references.
 */
async function lazyReads(name: string, dir: string): Promise<void> {
  const graph = (await (await openDatasetFolder(dir)).graph()).nodes;
  const byParagraphs = [...graph].sort((a, b) => b.attributes!.paragraphs - a.attributes!.paragraphs);
  const [a, b] = [byParagraphs[0]!.attributes!.id, byParagraphs[1]!.attributes!.id];
  const rare = byParagraphs[byParagraphs.length - 1]!.attributes!.id;
  let t0 = performance.now();
  let reader = await openDatasetFolder(dir);
  const shared = await new SliceEvidence(reader, {}).shared([a, b]);
  await Promise.all(shared.map((p) => new SliceEvidence(reader, {}).paragraph(p)));
  const evidence = performance.now() - t0;
  const paths: number[] = [];
  for (const [x, y] of [[a, rare], [rare, byParagraphs[Math.floor(byParagraphs.length / 2)]!.attributes!.id]] as const) {
    t0 = performance.now();
    reader = await openDatasetFolder(dir);
    const ev = new SliceEvidence(reader, {});
    await shortestPaths(x, y, ev, { k: 3 });
    paths.push(performance.now() - t0);
  }
  t0 = performance.now();
  reader = await openDatasetFolder(dir);
  cableRefGraph(await reader.cables());
  const refs = performance.now() - t0;
  console.log(`  ${name}, reading lazily from disk: evidence of the two biggest hubs (${shared.length} paragraphs) ${ms(evidence)} · path hub → rare ${ms(paths[0]!)}, rare → middling ${ms(paths[1]!)} · every cable's references ${ms(refs)}`);
}

requireShared();
const sample = sampleDataset();
await bench('cablegate sample', sample);
await lazyReads('sample', sample);
const scale = `${ROOT}.cache/build-251287/`;
if (current(scale)) {
  await bench('cablegate 251k', scale);
  await lazyReads('251k', scale);
}
else {
  console.log(`(no ${scale}: \`npm run bench:scale -- 251287\` builds it; meanwhile an estimate)`);
  await estimate(sample);
}
