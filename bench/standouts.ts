/**
 * `npm run bench:standouts`: what computing the standouts (brokers, unusual pairings, stability
 * over Louvain seeds) adds to a build of the shared sample (aim: at most 20%). Real `cablegraph
 * build`s in child processes, as a user runs them, alternately with and without `--no-standouts`
 * (so both see the same machine load), `--rounds R` each (default 5): the median wall times and
 * their difference in percent, the median processor seconds (every thread) likewise, the share
 * of the main thread's time spent on them, and the standouts' phases. Then each part timed alone in this process. `npm run bench:standouts -- N`
 * also builds a generated corpus of N cables (made once into .cache/), and `-- FOLDER` a corpus
 * folder (one round each: at Cablegate size, aim: standouts at most 60 s).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readCable } from '../src/core/cable/read-cable.ts';
import { resolveCable, resolveOptions } from '../src/core/entities/resolve-cable.ts';
import { parseLexicon } from '../src/core/entities/lexicon.ts';
import { parseAliases } from '../src/core/entities/aliases.ts';
import { tallyCable } from '../src/core/graph/cable-tally.ts';
import { Vocabulary } from '../src/core/graph/vocabulary.ts';
import { CorpusIndex } from '../src/core/graph/corpus-index.ts';
import { DEFAULT_COMMUNITY_OPTIONS, clusteredEdges, communitiesOf } from '../src/core/graph/communities.ts';
import { DEFAULT_OVERVIEW_OPTIONS, selectOverview } from '../src/core/graph/overview.ts';
import { findBrokers } from '../src/core/standouts/brokers.ts';
import { unusualPairs } from '../src/core/standouts/unusual-pairs.ts';
import { clusterStability } from '../src/core/standouts/stability.ts';
import { DEFAULT_STANDOUTS_OPTIONS } from '../src/core/standouts/standouts.ts';
import { clusteringJob, runClusteringJob } from '../src/core/dataset/clustering-job.ts';
import type { Clustering } from '../src/core/graph/communities.ts';
import { SAMPLE, ROOT, generatedCorpus, requireShared } from './corpora.ts';
import { runBuild, type BuildTimings } from './run-build.ts';

requireShared();
const { values, positionals } = parseArgs({ options: { rounds: { type: 'string', default: '5' } }, allowPositionals: true });
const rounds = Number(values.rounds);

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const percent = (x: number, base: number) => `${x >= base ? '+' : ''}${((100 * (x - base)) / base).toFixed(1)}%`;

/** Builds `corpus` alternately with and without standouts, `n` times each, and prints what they add. */
function compare(name: string, corpus: string, n: number): void {
  const runs: { with: BuildTimings[]; without: BuildTimings[] } = { with: [], without: [] };
  for (let r = 0; r < n; r++) {
    // Alternate which goes first, so neither always follows the other's cache effects.
    const order = r % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const);
    for (const kind of order) {
      const t = runBuild([corpus], kind === 'with' ? [] : ['--no-standouts']);
      runs[kind].push(t);
      console.log(`  round ${r + 1} ${kind.padEnd(7)} wall ${t.seconds.toFixed(2)} s · processor ${(t.cpuSeconds ?? NaN).toFixed(2)} s` +
        (kind === 'with' ? ` · standouts ${t.phases.standouts!.toFixed(2)} s · seeds ${(t.phases.seeds ?? NaN).toFixed(2)} s` : ''));
    }
  }
  const wall = (k: 'with' | 'without') => median(runs[k].map((t) => t.seconds));
  const cpu = (k: 'with' | 'without') => median(runs[k].map((t) => t.cpuSeconds ?? NaN));
  const phase = (p: string) => median(runs.with.map((t) => t.phases[p] ?? NaN));
  console.log(`${name}, medians of ${n}: build ${wall('with').toFixed(2)} s with standouts, ${wall('without').toFixed(2)} s without: ` +
    `${percent(wall('with'), wall('without'))} wall time (aim: at most +20%)`);
  console.log(`  processor seconds (all threads) ${cpu('with').toFixed(2)} vs ${cpu('without').toFixed(2)}: ${percent(cpu('with'), cpu('without'))}`);
  // What the main thread spends on the standouts (the seeds too when they run there): under a
  // load that stretches every phase alike, its share of the build is steadier than a difference
  // of two noisy wall times.
  const path = runs.with.map((t) => t.phases.standouts! + (t.seedsOnThread ? 0 : t.phases.seeds ?? 0));
  const share = median(runs.with.map((t, i) => path[i]! / (t.seconds - path[i]!)));
  console.log(`  on the main thread's path: standouts${runs.with[0]!.seedsOnThread ? '' : ' + seeds'} ${median(path).toFixed(2)} s, ` +
    `+${(100 * share).toFixed(1)}% over the rest of the same build (median of the per-build shares)`);
  console.log(`  with standouts: phase 'standouts' (main thread) ${phase('standouts').toFixed(2)} s, 'seeds' (${DEFAULT_STANDOUTS_OPTIONS.seeds} Louvain runs, ` +
    `on the clustering thread unless --workers 0) ${phase('seeds').toFixed(2)} s, 'communities' ${phase('communities').toFixed(2)} s`);
}

compare('shared sample (cablegraph build, child processes)', SAMPLE, rounds);

// Each part alone, in this process.
const context = {
  options: resolveOptions({}),
  lexicon: parseLexicon(readFileSync(`${ROOT}data/lexicon.tsv`, 'utf8'), 'lexicon.tsv').lexicon,
  aliases: parseAliases(readFileSync(`${ROOT}data/aliases.tsv`, 'utf8'), 'aliases.tsv').aliases,
};
const index = new CorpusIndex();
const vocabulary = new Vocabulary(0);
for (const name of readdirSync(SAMPLE).filter((f) => f.endsWith('.txt')).sort()) {
  const { cable, diagnostics } = readCable(readFileSync(join(SAMPLE, name)), name);
  if (!cable) continue;
  index.addCable();
  const tally = tallyCable(resolveCable(cable, diagnostics, context).paragraphs, vocabulary);
  const entities = index.addMentions(tally);
  for (const local of tally.local) index.addParagraph(local, entities);
}
const tables = index.finish();
/** Processor seconds (this process is single-threaded; on a shared machine they are steadier than wall time). */
const time = <T>(work: () => T): [T, number] => {
  const t0 = process.cpuUsage();
  const result = work();
  const t = process.cpuUsage(t0);
  return [result, (t.user + t.system) / 1e6];
};
const edges = clusteredEdges(tables.pairs, DEFAULT_COMMUNITY_OPTIONS.maxEdges);
let clustered!: Clustering;
let cpuAtClustering = process.cpuUsage();
const [runs, clusteringAndSeeds] = time(() => runClusteringJob(
  clusteringJob(tables.entities, edges, DEFAULT_COMMUNITY_OPTIONS, DEFAULT_STANDOUTS_OPTIONS.seeds),
  (c) => { clustered = c; cpuAtClustering = process.cpuUsage(); },
));
const communities = communitiesOf(clustered, tables.pairs, edges.minWeight);
const { user, system } = process.cpuUsage(cpuAtClustering);
const seedSeconds = (user + system) / 1e6;
const clustering = clusteringAndSeeds - seedSeconds;
const overview = selectOverview(tables.paragraphCounts, tables.pairs, DEFAULT_OVERVIEW_OPTIONS);
const [, brokers] = time(() => findBrokers(tables.entities, tables.pairs, communities.community, communities.count));
const [, pairs] = time(() => unusualPairs(tables.pairs, tables.paragraphCounts, tables.paragraphs, communities.community));
const [, scoring] = time(() => clusterStability(runs, tables.pairs, communities.minWeight, communities.community));
console.log(`\nparts on the sample (${tables.entities.toLocaleString('en')} entities, ${tables.pairs.length.toLocaleString('en')} pairs, ` +
  `${overview.nodes.length.toLocaleString('en')} in the overview), this process, processor seconds:`);
console.log(`  brokers ${brokers.toFixed(3)} s · unusual pairs ${pairs.toFixed(3)} s · ${runs.seeds.length} Louvain seeds ` +
  `${seedSeconds.toFixed(3)} s · their scores and consensus ${scoring.toFixed(3)} s`);
console.log(`  for comparison, the build's clustering (graph, one Louvain): ${clustering.toFixed(3)} s ` +
  `(${communities.nodes.toLocaleString('en')} entities / ${communities.edges.toLocaleString('en')} pairs)`);

// `-- N`: a generated corpus of N cables too; `-- FOLDER`: that corpus (one round: at scale a build takes minutes).
for (const arg of positionals) {
  const folder = existsSync(arg) && statSync(arg).isDirectory() ? arg : generatedCorpus(Number(arg));
  console.log('');
  compare(existsSync(arg) ? arg : `generated ${Number(arg).toLocaleString('en')} cables`, folder, 1);
}
