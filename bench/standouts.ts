/**
 * `npm run bench:standouts`: what computing the standouts (brokers, unusual pairings, stability
 * over Louvain seeds) adds to a build. First a real `cablegraph build` of the shared sample, whose
 * `standouts` phase is compared with the rest of the build (aim: at most 20%); then each part
 * timed alone in this process on the same corpus, next to one Louvain run on the whole graph as
 * the build does it. A generated Cablegate-size corpus in .cache/corpus-251287 (`npm run
 * bench:scale` makes it) is built too when it is there (aim: standouts at most 60 s), and a
 * generated corpus of N cables with `npm run bench:standouts -- N`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCable } from '../src/core/cable/read-cable.ts';
import { resolveCable, resolveOptions } from '../src/core/entities/resolve-cable.ts';
import { parseLexicon } from '../src/core/entities/lexicon.ts';
import { parseAliases } from '../src/core/entities/aliases.ts';
import { CorpusIndex } from '../src/core/graph/corpus-index.ts';
import { DEFAULT_COMMUNITY_OPTIONS, detectCommunities } from '../src/core/graph/communities.ts';
import { DEFAULT_OVERVIEW_OPTIONS, selectOverview } from '../src/core/graph/overview.ts';
import { findBrokers } from '../src/core/standouts/brokers.ts';
import { unusualPairs } from '../src/core/standouts/unusual-pairs.ts';
import { clusterStability } from '../src/core/standouts/stability.ts';
import { seedRunner } from '../src/core/standouts/standouts.ts';
import { ROOT, SAMPLE, generatedCorpus, requireShared } from './corpora.ts';
import { runBuild, type BuildTimings } from './run-build.ts';

requireShared();

function share(name: string, t: BuildTimings): void {
  const standouts = t.phases.standouts ?? NaN;
  const rest = t.seconds - standouts;
  console.log(`${name}: build ${t.seconds.toFixed(2)} s, of which standouts ${standouts.toFixed(2)} s ` +
    `= +${((100 * standouts) / rest).toFixed(1)}% over the rest of the build (${rest.toFixed(2)} s)`);
  console.log(`  phases ${Object.entries(t.phases).map(([k, v]) => `${k} ${v.toFixed(2)} s`).join(' · ')}`);
}

share('shared sample (cablegraph build, child process)', runBuild([SAMPLE]));

// Each part alone, in this process.
const context = {
  options: resolveOptions({}),
  lexicon: parseLexicon(readFileSync(`${ROOT}data/lexicon.tsv`, 'utf8'), 'lexicon.tsv').lexicon,
  aliases: parseAliases(readFileSync(`${ROOT}data/aliases.tsv`, 'utf8'), 'aliases.tsv').aliases,
};
const index = new CorpusIndex();
for (const name of readdirSync(SAMPLE).filter((f) => f.endsWith('.txt')).sort()) {
  const { cable, diagnostics } = readCable(readFileSync(join(SAMPLE, name)), name);
  if (!cable) continue;
  index.addCable();
  for (const p of resolveCable(cable, diagnostics, context).paragraphs) index.addParagraph(p.mentions);
}
const tables = index.finish();
/** Processor seconds (this process is single-threaded; on a shared machine they are steadier than wall time). */
const time = <T>(work: () => T): [T, number] => {
  const t0 = process.cpuUsage();
  const result = work();
  const t = process.cpuUsage(t0);
  return [result, (t.user + t.system) / 1e6];
};
const seeds = seedRunner(DEFAULT_COMMUNITY_OPTIONS);
let seedSeconds = 0;
const hook: typeof seeds.hook = (graph) => { seedSeconds = time(() => seeds.hook(graph))[1]; };
const [communities, clustering] = time(() => detectCommunities(tables.entities, tables.pairs, DEFAULT_COMMUNITY_OPTIONS, hook));
const overview = selectOverview(tables.paragraphCounts, tables.pairs, DEFAULT_OVERVIEW_OPTIONS);
const [, brokers] = time(() => findBrokers(tables.entities, tables.pairs, communities.community, communities.count));
const [, pairs] = time(() => unusualPairs(tables.pairs, tables.paragraphCounts, tables.paragraphs, communities.community));
const [, scoring] = time(() => clusterStability(seeds.runs, tables.pairs, communities.minWeight, communities.community));
console.log(`\nparts on the sample (${tables.entities.toLocaleString('en')} entities, ${tables.pairs.length.toLocaleString('en')} pairs, ` +
  `${overview.nodes.length.toLocaleString('en')} in the overview), this process, processor seconds:`);
console.log(`  brokers ${brokers.toFixed(3)} s · unusual pairs ${pairs.toFixed(3)} s · ${seeds.runs.seeds.length} Louvain seeds ` +
  `${seedSeconds.toFixed(3)} s · their scores and consensus ${scoring.toFixed(3)} s`);
console.log(`  for comparison, the build's clustering (graph, one Louvain, propagation): ${(clustering - seedSeconds).toFixed(3)} s ` +
  `(${communities.nodes.toLocaleString('en')} entities / ${communities.edges.toLocaleString('en')} pairs)`);

// `npm run bench:standouts -- N` builds a generated corpus of N cables too (made once into .cache/).
if (process.argv[2]) {
  const n = Number(process.argv[2]);
  share(`\ngenerated ${n.toLocaleString('en')} cables`, runBuild([generatedCorpus(n)]));
}
const big = `${ROOT}.cache/corpus-251287/`;
if (existsSync(`${big}metadata.csv`)) share('\ngenerated 251,287 cables', runBuild([big]));
else console.log(`\n${big} is absent: the Cablegate-size figure needs it (npm run bench:scale generates it, ~3 min of build)`);
