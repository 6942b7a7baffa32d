/**
 * The overview: the part of the graph the explorer draws first. The entities that appear in the
 * most paragraphs, and among them the strongest pairs: first each entity's strongest pair (so no
 * drawn entity floats alone when it has a drawn neighbour), then the rest by weight, up to a size
 * a browser draws at once.
 */
import type { PairTable } from './pair-counts.ts';
import { pairsByWeight } from './adjacency.ts';

export interface OverviewOptions {
  maxNodes: number;
  maxEdges: number;
}

export const DEFAULT_OVERVIEW_OPTIONS: OverviewOptions = { maxNodes: 5000, maxEdges: 30_000 };

export interface Overview {
  /** Entity ids, ascending. */
  nodes: Uint32Array;
  /** Pair indexes, ascending (that is, by (a, b)). */
  edges: Uint32Array;
}

export function selectOverview(paragraphCounts: readonly number[], pairs: PairTable, options: OverviewOptions): Overview {
  const entities = paragraphCounts.length;
  const ranked = Array.from({ length: entities }, (_, e) => e)
    .sort((x, y) => paragraphCounts[y]! - paragraphCounts[x]! || x - y)
    .slice(0, options.maxNodes);
  const chosen = new Uint8Array(entities);
  for (const e of ranked) chosen[e] = 1;

  let maxWeight = 0;
  for (let p = 0; p < pairs.length; p++) maxWeight = Math.max(maxWeight, pairs.weight[p]!);
  const order = pairsByWeight(pairs, maxWeight);
  const picked = new Uint8Array(pairs.length);
  const hasEdge = new Uint8Array(entities);
  let count = 0;
  // Pass 1: every chosen entity's strongest pair within the overview.
  for (let i = 0; i < order.length && count < options.maxEdges; i++) {
    const p = order[i]!;
    const a = pairs.a[p]!;
    const b = pairs.b[p]!;
    if (!chosen[a] || !chosen[b] || (hasEdge[a] && hasEdge[b])) continue;
    picked[p] = 1;
    hasEdge[a] = 1;
    hasEdge[b] = 1;
    count++;
  }
  // Pass 2: the strongest of the rest.
  for (let i = 0; i < order.length && count < options.maxEdges; i++) {
    const p = order[i]!;
    if (picked[p] || !chosen[pairs.a[p]!] || !chosen[pairs.b[p]!]) continue;
    picked[p] = 1;
    count++;
  }
  const edges = new Uint32Array(count);
  for (let p = 0, k = 0; p < pairs.length; p++) if (picked[p]) edges[k++] = p;
  return { nodes: Uint32Array.from(ranked).sort(), edges };
}
