/**
 * What stands out in a built graph, as written to `standouts.json` (see format.ts): brokers
 * between communities (brokers.ts), unusual pairings (unusual-pairs.ts) and the stability of the
 * communities over Louvain seeds (stability.ts). Pure: the build calls it with its tables.
 */
import type { Communities } from '../graph/communities.ts';
import type { CorpusTables } from '../graph/corpus-index.ts';
import type { Overview } from '../graph/overview.ts';
import type { StandoutEntity, StandoutsFile } from '../dataset/format.ts';
import type { PairTable } from '../graph/pair-counts.ts';
import { round } from '../numbers.ts';
import { DEFAULT_BROKER_OPTIONS, findBrokers, type BrokerOptions } from './brokers.ts';
import { DEFAULT_PAIR_OPTIONS, unusualPairs, type PairOptions } from './unusual-pairs.ts';
import { DEFAULT_STABILITY_OPTIONS, clusterStability, matchToReference, type SeedRuns } from './stability.ts';

export interface StandoutsOptions {
  brokers: BrokerOptions;
  pairs: PairOptions;
  /** Louvain reruns for stability (seeds: build seed + 1 …, run by dataset/clustering-job.ts); the resolution is the build's. */
  seeds: number;
  /** Least stable entities listed. */
  unstable: number;
}

export const DEFAULT_STANDOUTS_OPTIONS: StandoutsOptions = {
  brokers: DEFAULT_BROKER_OPTIONS, pairs: DEFAULT_PAIR_OPTIONS, seeds: DEFAULT_STABILITY_OPTIONS.seeds, unstable: 1000,
};

export interface StandoutsInput {
  tables: CorpusTables;
  communities: Communities;
  overview: Overview;
  labels: readonly string[];
  runs: SeedRuns;
  resolution: number;
}

const DIGITS = 4;

/**
 * Brokers and unusual pairings of a graph, as standouts.json lists them: the graph is `pairs`
 * between `nodes` items (entities of the corpus, or of the drawn overview in a slice), each node
 * with its community, its paragraphs and how it is named.
 */
export interface StandoutsGraph {
  pairs: PairTable;
  community: Int32Array;
  communityCount: number;
  paragraphCounts: ArrayLike<number>;
  /** Paragraphs of the corpus (or of the slice): p(x) = paragraphs of x / this. */
  paragraphs: number;
  /** How node i is named: its entity id, key and label. */
  entity(i: number): StandoutEntity;
}

export function listStandouts(graph: StandoutsGraph, options: Pick<StandoutsOptions, 'brokers' | 'pairs'>): Pick<StandoutsFile, 'brokers' | 'pairs'> {
  const { pairs: table, community, entity } = graph;
  const brokers = findBrokers(community.length, table, community, graph.communityCount, options.brokers).map((b) => ({
    ...entity(b.entity), community: community[b.entity]!, score: round(b.score, DIGITS), strength: b.strength,
    bridges: b.bridges.map((x) => ({
      community: x.community, weight: x.weight, neighbors: x.neighbors.map(([e, w]) => ({ ...entity(e), weight: w })),
    })),
  }));
  const pairs = unusualPairs(table, graph.paragraphCounts, graph.paragraphs, community, options.pairs).map((p) => {
    const [a, b] = [entity(p.a), entity(p.b)];
    return {
      source: a.id, target: b.id, sourceKey: a.key, targetKey: b.key, sourceLabel: a.label, targetLabel: b.label,
      weight: p.weight, npmi: round(p.npmi, DIGITS), communities: [community[p.a]!, community[p.b]!] as [number, number],
    };
  });
  return { brokers, pairs };
}

export function computeStandouts(input: StandoutsInput, options: StandoutsOptions = DEFAULT_STANDOUTS_OPTIONS): StandoutsFile {
  const { tables, communities, overview, labels } = input;
  const { community, count } = communities;
  const { keys } = tables;
  const entity = (e: number) => ({ id: e, key: keys[e]!, label: labels[e]! });
  const { brokers, pairs } = listStandouts({
    pairs: tables.pairs, community, communityCount: count, paragraphCounts: tables.paragraphCounts, paragraphs: tables.paragraphs, entity,
  }, options);

  const s = clusterStability(input.runs, tables.pairs, communities.minWeight, community);
  const reference = Int32Array.from(s.nodes, (e) => community[e]!);
  const unstable = Array.from(s.nodes.keys()).filter((i) => s.entities[i]! < 1)
    .sort((x, y) => s.entities[x]! - s.entities[y]! || s.nodes[x]! - s.nodes[y]!)
    .slice(0, options.unstable)
    .map((i) => ({ ...entity(s.nodes[i]!), community: reference[i]!, score: round(s.entities[i]!, DIGITS) }));
  // The overview's share, for the page to recolour what it draws.
  const drawn = new Uint8Array(tables.entities);
  for (const e of overview.nodes) drawn[e] = 1;
  const shown = Array.from(s.nodes.keys()).filter((i) => drawn[s.nodes[i]!]);
  const named = (p: Int32Array) => { const m = matchToReference(reference, p); return shown.map((i) => m[i]!); };
  return {
    brokers,
    pairs,
    stability: {
      seeds: s.seeds,
      resolution: input.resolution,
      clustered: s.nodes.length,
      communities: s.communities.map((c) => ({ ...c, score: round(c.score, DIGITS) })),
      entities: unstable,
      overview: {
        nodes: shown.map((i) => s.nodes[i]!),
        scores: shown.map((i) => round(s.entities[i]!, DIGITS)),
        partitions: s.partitions.map(named),
        consensus: named(s.consensus),
      },
    },
    options: {
      brokers: { minStrength: options.brokers.minStrength, minShare: options.brokers.minShare },
      pairs: { minSupport: options.pairs.minSupport, hubs: Math.min(options.pairs.hubs, Math.floor(options.pairs.hubShare * tables.entities)) },
    },
  };
}
