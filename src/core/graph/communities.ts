/**
 * Communities for every entity. Louvain (Blondel et al. 2008, on typed arrays: louvain.ts) runs on
 * the pairs strong enough to matter — all of them for a small corpus; at Cablegate size the
 * weakest pairs are left out so that the clustered graph stays within `maxEdges`. Entities left
 * out join the community of their strongest clustered neighbour; entities with none are
 * communities of their own. Seeded, so a run repeats exactly.
 */
import type { PairTable } from './pair-counts.ts';
import { csrFromEdges, louvain } from './louvain.ts';
import { seededRandom } from './random.ts';

export interface CommunityOptions {
  /** Louvain resolution: above 1, more and smaller communities; below 1, fewer and larger. */
  resolution: number;
  seed: number;
  /** Most edges handed to Louvain; the weakest pairs are left out to stay within it. */
  maxEdges: number;
}

/**
 * 4 million pairs: every pair of a corpus of 20,000 cables (1.5 million), and at Cablegate size the
 * stronger pairs (12.5 million in all). Louvain's rows take 16 bytes a pair, so 64 MB at most; the
 * cap was 1.5 million while graphology held the graph, at 0.5 kB and 8 µs a pair.
 */
export const DEFAULT_COMMUNITY_OPTIONS: CommunityOptions = { resolution: 1, seed: 1, maxEdges: 4_000_000 };

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

export function detectCommunities(entities: number, pairs: PairTable, options: CommunityOptions): Communities {
  const minWeight = weightThreshold(pairs, options.maxEdges);
  const graph = csrFromEdges(entities, pairs.a, pairs.b, pairs.weight, pairs.length, minWeight);
  const edges = graph.targets.length / 2;
  const raw = new Int32Array(entities).fill(-1);
  let modularity = 0;
  let nodes = 0;
  if (edges > 0) {
    const result = louvain(graph, { resolution: options.resolution, random: seededRandom(options.seed) });
    modularity = result.modularity;
    // Entities without a clustered pair are no part of Louvain's graph: they join a neighbour below.
    for (let e = 0; e < entities; e++) {
      if (graph.offsets[e + 1]! > graph.offsets[e]!) {
        raw[e] = result.community[e]!;
        nodes++;
      }
    }
  }
  joinStrongestNeighbour(raw, pairs);
  const { community, count } = bySize(raw);
  return { community, count, modularity, minWeight, nodes, edges };
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
