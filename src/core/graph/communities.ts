/**
 * Communities for every entity. Louvain (Blondel et al. 2008, graphology-communities-louvain)
 * runs on the pairs strong enough to matter — all of them for a small corpus; at Cablegate size
 * the weakest pairs are left out so that the clustered graph stays within `maxEdges` (Louvain
 * runs eleven times on it: the build's run and the standouts' ten seeds). Entities
 * left out join the community of their strongest clustered neighbour; entities with none are
 * communities of their own. Seeded, so a run repeats exactly.
 */
import { detailedLouvain, LouvainGraph, type WeightedEdges } from './louvain-graph.ts';
import type { PairTable } from './pair-counts.ts';

export interface CommunityOptions {
  /** Louvain resolution: above 1, more and smaller communities; below 1, fewer and larger. */
  resolution: number;
  seed: number;
  /** Most edges handed to Louvain; the weakest pairs are left out to stay within it. */
  maxEdges: number;
}

/**
 * 1.5 million pairs: Louvain takes 0.5–0.7 s a run on them here, and its index about 40 MB. At
 * Cablegate size that keeps the pairs seen in two paragraphs or more.
 */
export const DEFAULT_COMMUNITY_OPTIONS: CommunityOptions = { resolution: 1, seed: 1, maxEdges: 1_500_000 };

export interface Communities {
  /** Community of each entity: 0 is the largest. */
  community: Int32Array;
  count: number;
  modularity: number;
  /** Smallest pair weight handed to Louvain. */
  minWeight: number;
  nodes: number;
  edges: number;
}

/**
 * `withGraph`, when given, sees the graph Louvain ran on before it is dropped (the standouts rerun
 * Louvain on it with other seeds: building it is most of the cost, and at corpus scale it is too
 * big to keep). The build runs the same three steps apart (`clusteredEdges`, `louvainOnEdges`,
 * `communitiesOf`), so that they can run on a thread of their own.
 */
export function detectCommunities(
  entities: number, pairs: PairTable, options: CommunityOptions, withGraph?: (graph: LouvainGraph) => void,
): Communities {
  const edges = clusteredEdges(pairs, options.maxEdges);
  const graph = new LouvainGraph(edges);
  const clustering = louvainOnGraph(graph, entities, options);
  withGraph?.(graph);
  return communitiesOf(clustering, pairs, edges.minWeight);
}

/** The pairs Louvain clusters (weight ≥ minWeight), in pair-table order, as plain arrays that can cross to a thread. */
export interface ClusteredEdges extends WeightedEdges {
  minWeight: number;
}

/** Louvain's own result: the community of each clustered entity (-1 for the others). */
export interface Clustering {
  raw: Int32Array;
  modularity: number;
  nodes: number;
  edges: number;
}

export function clusteredEdges(pairs: PairTable, maxEdges: number): ClusteredEdges {
  const minWeight = weightThreshold(pairs, maxEdges);
  let kept = 0;
  for (let p = 0; p < pairs.length; p++) if (pairs.weight[p]! >= minWeight) kept++;
  const a = new Uint32Array(kept);
  const b = new Uint32Array(kept);
  const weight = new Uint32Array(kept);
  for (let p = 0, i = 0; p < pairs.length; p++) {
    const w = pairs.weight[p]!;
    if (w < minWeight) continue;
    a[i] = pairs.a[p]!;
    b[i] = pairs.b[p]!;
    weight[i++] = w;
  }
  return { minWeight, a, b, weight };
}

/** Louvain with the build's seed and resolution on `graph` (the clustered edges) of an `entities`-entity corpus. */
export function louvainOnGraph(graph: LouvainGraph, entities: number, options: Pick<CommunityOptions, 'resolution' | 'seed'>): Clustering {
  const raw = new Int32Array(entities).fill(-1);
  let modularity = 0;
  if (graph.size > 0) {
    const result = detailedLouvain(graph, options);
    modularity = result.modularity;
    result.community.forEach((c, i) => { raw[graph.nodes[i]!] = c; });
  }
  return { raw, modularity, nodes: graph.order, edges: graph.size };
}

/** Every entity's community from Louvain's result: the others join their strongest clustered neighbour's. */
export function communitiesOf(clustering: Clustering, pairs: PairTable, minWeight: number): Communities {
  const raw = clustering.raw.slice();
  joinStrongestNeighbour(raw, pairs);
  const { community, count } = bySize(raw);
  return { community, count, modularity: clustering.modularity, minWeight, nodes: clustering.nodes, edges: clustering.edges };
}

/** The smallest weight t such that the pairs of weight ≥ t are at most `maxEdges`. */
export function weightThreshold(pairs: PairTable, maxEdges: number): number {
  if (pairs.length <= maxEdges) return 1;
  const histogram = new Map<number, number>();
  for (let p = 0; p < pairs.length; p++) histogram.set(pairs.weight[p]!, (histogram.get(pairs.weight[p]!) ?? 0) + 1);
  const weights = [...histogram.keys()].sort((x, y) => y - x);
  let kept = 0;
  let threshold = weights[0]! + 1;
  for (const w of weights) {
    kept += histogram.get(w)!;
    if (kept > maxEdges) break;
    threshold = w;
  }
  return threshold;
}

/**
 * Gives each entity without a community that of its strongest neighbour that has one, repeating
 * while that reaches new entities (chains of weak pairs); ties go to the smaller community.
 */
function joinStrongestNeighbour(community: Int32Array, pairs: PairTable): void {
  const best = new Float64Array(community.length);
  for (let changed = true; changed; ) {
    changed = false;
    const next = community.slice();
    best.fill(0);
    for (let p = 0; p < pairs.length; p++) {
      const a = pairs.a[p]!;
      const b = pairs.b[p]!;
      const w = pairs.weight[p]!;
      offer(next, best, community, a, b, w);
      offer(next, best, community, b, a, w);
    }
    for (let e = 0; e < community.length; e++) {
      if (community[e] !== next[e]) { community[e] = next[e]!; changed = true; }
    }
  }
}

function offer(next: Int32Array, best: Float64Array, current: Int32Array, to: number, from: number, w: number): void {
  if (current[to] !== -1 || current[from] === -1) return;
  if (w > best[to]! || (w === best[to]! && current[from]! < next[to]!)) {
    best[to] = w;
    next[to] = current[from]!;
  }
}

/** Renumbers communities by size, largest first (ties: the one with the smallest entity id), and makes loners their own. */
function bySize(raw: Int32Array): { community: Int32Array; count: number } {
  const sizes = new Map<number, { size: number; first: number }>();
  for (let e = 0; e < raw.length; e++) {
    const c = raw[e]!;
    if (c === -1) continue;
    const s = sizes.get(c);
    if (s) s.size++;
    else sizes.set(c, { size: 1, first: e });
  }
  const order = [...sizes].sort(([, x], [, y]) => y.size - x.size || x.first - y.first);
  const renumber = new Map(order.map(([c], i) => [c, i]));
  const community = new Int32Array(raw.length);
  let count = order.length;
  for (let e = 0; e < raw.length; e++) community[e] = raw[e] === -1 ? count++ : renumber.get(raw[e]!)!;
  return { community, count };
}
