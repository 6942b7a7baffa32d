/**
 * What stands out in a built graph, as written to `standouts.json` (see format.ts): brokers
 * between communities (brokers.ts), unusual pairings (unusual-pairs.ts) and the stability of the
 * communities over Louvain seeds (stability.ts). Pure: the build calls it with its tables.
 */
import type { Communities } from '../graph/communities.ts';
import type { CorpusTables } from '../graph/corpus-index.ts';
import type { Overview } from '../graph/overview.ts';
import type { StandoutsFile } from '../dataset/format.ts';
import { round } from '../numbers.ts';
import { DEFAULT_BROKER_OPTIONS, findBrokers, type BrokerOptions } from './brokers.ts';
import { DEFAULT_PAIR_OPTIONS, unusualPairs, type PairOptions } from './unusual-pairs.ts';
import { DEFAULT_STABILITY_OPTIONS, clusterStability, louvainSeeds, matchToReference, type SeedRuns } from './stability.ts';
import type Graph from 'graphology';

export interface StandoutsOptions {
  brokers: BrokerOptions;
  pairs: PairOptions;
  /** Louvain reruns for stability (seeds: build seed + 1 …); the resolution is the build's. */
  seeds: number;
  /** Least stable entities listed. */
  unstable: number;
}

export const DEFAULT_STANDOUTS_OPTIONS: StandoutsOptions = {
  brokers: DEFAULT_BROKER_OPTIONS, pairs: DEFAULT_PAIR_OPTIONS, seeds: DEFAULT_STABILITY_OPTIONS.seeds, unstable: 1000,
};

/**
 * The seeds' Louvain runs, taken on the build's own clustered graph while it exists: pass
 * `hook` to `detectCommunities`, then `runs` to `computeStandouts`.
 */
export function seedRunner(communities: { seed: number; resolution: number }, seeds = DEFAULT_STANDOUTS_OPTIONS.seeds) {
  const runner = {
    runs: { seeds: [], nodes: new Uint32Array(0), partitions: [], seconds: 0 } as SeedRuns,
    hook: (graph: Graph) => {
      runner.runs = louvainSeeds(graph, { seeds, firstSeed: communities.seed + 1, resolution: communities.resolution });
    },
  };
  return runner;
}

export interface StandoutsInput {
  tables: CorpusTables;
  communities: Communities;
  overview: Overview;
  labels: readonly string[];
  runs: SeedRuns;
  resolution: number;
}

const DIGITS = 4;

export function computeStandouts(input: StandoutsInput, options: StandoutsOptions = DEFAULT_STANDOUTS_OPTIONS): StandoutsFile {
  const { tables, communities, overview, labels } = input;
  const { community, count } = communities;
  const { keys } = tables;
  const entity = (e: number) => ({ id: e, key: keys[e]!, label: labels[e]! });
  const brokers = findBrokers(tables.entities, tables.pairs, community, count, options.brokers).map((b) => ({
    ...entity(b.entity), community: community[b.entity]!, score: round(b.score, DIGITS), strength: b.strength,
    bridges: b.bridges.map((x) => ({
      community: x.community, weight: x.weight, neighbors: x.neighbors.map(([e, w]) => ({ ...entity(e), weight: w })),
    })),
  }));
  const pairs = unusualPairs(tables.pairs, tables.paragraphCounts, tables.paragraphs, community, options.pairs).map((p) => ({
    source: p.a, target: p.b, sourceKey: keys[p.a]!, targetKey: keys[p.b]!, sourceLabel: labels[p.a]!, targetLabel: labels[p.b]!,
    weight: p.weight, npmi: round(p.npmi, DIGITS), communities: [community[p.a]!, community[p.b]!] as [number, number],
  }));

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
