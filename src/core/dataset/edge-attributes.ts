/**
 * The attributes of a drawn edge: its count and every weighting of it, rounded as graph.json
 * stores them, so an edge added later in the browser (an ego network) matches the build's.
 */
import type { CorpusTables } from '../graph/corpus-index.ts';
import type { Adjacency } from '../graph/adjacency.ts';
import { association, disparityAlpha, jaccard, npmi } from '../graph/weights.ts';
import { round } from '../numbers.ts';
import type { EdgeAttributes } from './format.ts';

/**
 * `w` shared paragraphs between entities in `pa` and `pb` paragraphs, of `n` in the corpus;
 * `alpha` from `pairAlpha`, already rounded.
 */
export function edgeAttributes(w: number, pa: number, pb: number, n: number, alpha: number): EdgeAttributes {
  return {
    weight: w,
    jaccard: round(jaccard(w, pa, pb), 4),
    npmi: round(npmi(w, pa, pb, n), 4),
    association: round(association(w, pa, pb, n), 4),
    alpha,
  };
}

/** Disparity alpha of pair `p` of the corpus tables, from both ends' degree and strength, rounded as stored. */
export function pairAlpha(p: number, tables: CorpusTables, adjacency: Adjacency): number {
  const a = tables.pairs.a[p]!;
  const b = tables.pairs.b[p]!;
  return round(disparityAlpha(tables.pairs.weight[p]!, adjacency.strength[a]!, adjacency.degree[a]!, adjacency.strength[b]!, adjacency.degree[b]!), 6);
}
