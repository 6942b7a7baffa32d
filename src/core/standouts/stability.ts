/**
 * How stable the build's communities are. Louvain (Blondel et al. 2008) is greedy and visits
 * nodes in a random order, so another seed can give another partition; a community that comes
 * back whatever the seed is a finding, one that does not is an artefact of one run.
 *
 * Where: on the very graph the build clustered (the pairs of weight ≥ minWeight), with seeds
 * other than the build's (build seed + 1 … + n), so the build's own run does not vote for itself.
 * The seeds run on the build's own graph (graph/louvain-graph.ts), right after its Louvain
 * (dataset/clustering-job.ts; the CLI runs that job on a thread of its own, beside the writing of
 * the shards). A cheaper
 * subgraph (the drawn overview, or the strong pairs of the top entities) was measured and
 * rejected: dropping the weak links moves entities between communities by itself (on the sample,
 * five seeds: mean entity score 0.55 on the overview against 0.78 on the clustered graph), so it
 * would report the restriction rather than the seed.
 *
 * Scores, for each build community C (its clustered members) and each seed's partition P:
 * - the core of C in P is the cluster K of P with the highest Jaccard index |C∩K| / |C∪K|
 *   (ties: the smaller K, clusters being numbered by their first node);
 * - community score = mean over seeds of that best Jaccard index (1: found exactly every time);
 * - entity score = fraction of seeds in which the entity is in its community's core.
 * Consensus (Lancichinetti & Fortunato 2012, one round): link two entities when they share a
 * cluster in more than half of the seeds (over the clustered graph's links only); the consensus
 * clusters are the connected components.
 */
import { louvainCommunities, LouvainGraph } from '../graph/louvain-graph.ts';
import type { PairTable } from '../graph/pair-counts.ts';

export interface StabilityOptions {
  seeds: number;
  /** First seed; the others follow it. */
  firstSeed: number;
  resolution: number;
}

export const DEFAULT_STABILITY_OPTIONS: StabilityOptions = { seeds: 10, firstSeed: 2, resolution: 1 };

/** Louvain's partitions of one graph, one per seed. */
export interface SeedRuns {
  seeds: number[];
  /** Entity ids of the graph's nodes, ascending. */
  nodes: Uint32Array;
  /** Per seed, the cluster of each node (aligned with `nodes`), numbered by first node. */
  partitions: Int32Array[];
  /** Time the runs took (not written anywhere). */
  seconds: number;
}

export interface Stability extends Omit<SeedRuns, 'seconds'> {
  /** Consensus cluster of each node, numbered by first node. */
  consensus: Int32Array;
  /** Per build community with nodes here: its score and its number of nodes here; by id. */
  communities: { id: number; score: number; size: number }[];
  /** Score of each node (aligned with `nodes`). */
  entities: Float64Array;
}

/** Runs Louvain once per seed on `graph`, whose node keys are entity ids and edges have a `weight`. */
export function louvainSeeds(graph: LouvainGraph, options: StabilityOptions = DEFAULT_STABILITY_OPTIONS): SeedRuns {
  const t0 = performance.now();
  // The graph's node indexes in ascending order of their entity ids.
  const ranked = Uint32Array.from(graph.nodes.keys()).sort((x, y) => graph.nodes[x]! - graph.nodes[y]!);
  const nodes = ranked.map((i) => graph.nodes[i]!);
  const seeds = Array.from({ length: options.seeds }, (_, i) => options.firstSeed + i);
  const partitions = seeds.map((seed) => {
    if (graph.size === 0) return Int32Array.from(nodes, (_, i) => i);
    const community = louvainCommunities(graph, { resolution: options.resolution, seed });
    return canonical(Int32Array.from(ranked, (i) => community[i]!));
  });
  return { seeds, nodes, partitions, seconds: (performance.now() - t0) / 1000 };
}

/** The graph of the pairs `edges` (indexes into `pairs`), keyed as `detectCommunities` keys it. */
export function pairGraph(pairs: PairTable, edges: ArrayLike<number>): LouvainGraph {
  const pick = (column: Uint32Array) => Uint32Array.from({ length: edges.length }, (_, i) => column[edges[i]!]!);
  return new LouvainGraph({ a: pick(pairs.a), b: pick(pairs.b), weight: pick(pairs.weight) });
}

/**
 * Scores the build's `community` of each entity against the seeds' partitions; the consensus
 * links are the pairs of weight ≥ `minWeight` between clustered entities.
 */
export function clusterStability(runs: SeedRuns, pairs: PairTable, minWeight: number, community: Int32Array): Stability {
  const { seeds, nodes, partitions } = runs;
  const index = new Int32Array(community.length).fill(-1);
  nodes.forEach((e, i) => { index[e] = i; });
  const links: [number, number][] = [];
  for (let p = 0; p < pairs.length; p++) {
    if (pairs.weight[p]! < minWeight) continue;
    const u = index[pairs.a[p]!]!;
    const v = index[pairs.b[p]!]!;
    if (u >= 0 && v >= 0) links.push([u, v]);
  }
  const reference = Int32Array.from(nodes, (e) => community[e]!);
  const { communities, entities } = stabilityScores(reference, partitions);
  return { seeds, nodes, partitions, consensus: consensusPartition(nodes.length, links, partitions), communities, entities };
}

/** Renumbers clusters 0, 1, ... in order of their first node, so equal partitions are equal arrays. */
export function canonical(raw: Int32Array): Int32Array {
  const ids = new Map<number, number>();
  return raw.map((c) => {
    let id = ids.get(c);
    if (id === undefined) ids.set(c, id = ids.size);
    return id;
  });
}

/**
 * The cores, community scores and entity scores of `reference` (a community per node) against
 * `partitions` (canonical: clusters numbered from 0).
 */
export function stabilityScores(reference: Int32Array, partitions: readonly Int32Array[]): {
  communities: Stability['communities']; entities: Float64Array; cores: Map<number, number>[];
} {
  const n = reference.length;
  const refSize = new Map<number, number>();
  for (const c of reference) refSize.set(c, (refSize.get(c) ?? 0) + 1);
  const total = new Map<number, number>();
  const inCore = new Uint32Array(n);
  const cores: Map<number, number>[] = [];
  for (const partition of partitions) {
    const size = new Map<number, number>();
    const overlap = new Map<number, Map<number, number>>();
    for (let i = 0; i < n; i++) {
      const k = partition[i]!;
      size.set(k, (size.get(k) ?? 0) + 1);
      let row = overlap.get(reference[i]!);
      if (!row) overlap.set(reference[i]!, row = new Map());
      row.set(k, (row.get(k) ?? 0) + 1);
    }
    const core = new Map<number, number>();
    for (const [c, row] of overlap) {
      let best = -1;
      let bestJ = -1;
      for (const [k, both] of row) {
        const j = both / (refSize.get(c)! + size.get(k)! - both);
        if (j > bestJ || (j === bestJ && k < best)) { bestJ = j; best = k; }
      }
      core.set(c, best);
      total.set(c, (total.get(c) ?? 0) + bestJ);
    }
    for (let i = 0; i < n; i++) if (partition[i] === core.get(reference[i]!)) inCore[i]!++;
    cores.push(core);
  }
  const seeds = partitions.length;
  const communities = [...refSize].sort(([x], [y]) => x - y)
    .map(([id, size]) => ({ id, size, score: seeds > 0 ? total.get(id)! / seeds : 1 }));
  const entities = Float64Array.from(inCore, (k) => (seeds > 0 ? k / seeds : 1));
  return { communities, entities, cores };
}

/** Connected components of the links whose two ends share a cluster in more than half the partitions. */
export function consensusPartition(nodes: number, links: readonly [number, number][], partitions: readonly Int32Array[]): Int32Array {
  const parent = Int32Array.from({ length: nodes }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) { parent[x] = parent[parent[x]!]!; x = parent[x]!; }
    return x;
  };
  for (const [u, v] of links) {
    let together = 0;
    for (const p of partitions) if (p[u] === p[v]) together++;
    if (2 * together <= partitions.length) continue;
    const ru = find(u);
    const rv = find(v);
    if (ru !== rv) parent[Math.max(ru, rv)] = Math.min(ru, rv);
  }
  return canonical(Int32Array.from({ length: nodes }, (_, i) => find(i)));
}

/**
 * Names each cluster of `partition` after a build community, for drawing it in that community's
 * colour: clusters and communities are matched one to one, largest overlap first (ties: smaller
 * community, then smaller cluster); a cluster left without a match (a split-off part) is -1.
 */
export function matchToReference(reference: Int32Array, partition: Int32Array): Int32Array {
  const overlap = new Map<string, { c: number; k: number; n: number }>();
  for (let i = 0; i < reference.length; i++) {
    const key = `${reference[i]} ${partition[i]}`;
    const entry = overlap.get(key);
    if (entry) entry.n++;
    else overlap.set(key, { c: reference[i]!, k: partition[i]!, n: 1 });
  }
  const ranked = [...overlap.values()].sort((x, y) => y.n - x.n || x.c - y.c || x.k - y.k);
  const label = new Map<number, number>();
  const taken = new Set<number>();
  for (const { c, k } of ranked) {
    if (label.has(k) || taken.has(c)) continue;
    label.set(k, c);
    taken.add(c);
  }
  return partition.map((k) => label.get(k) ?? -1);
}
