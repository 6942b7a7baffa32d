/**
 * Unusual pairings: pairs of entities that share paragraphs far more often than their own
 * frequencies predict. The measure is normalised pointwise mutual information (Bouma 2009),
 * npmi = ln(p(ab) / (p(a)·p(b))) / −ln p(ab), with p(x) = paragraphs of x / all paragraphs of the
 * corpus: 0 for independence, 1 for two entities that only ever appear together. Unlike the raw
 * count it does not favour hubs, and unlike lift it is bounded, so rankings mean the same on any
 * corpus.
 *
 * Rules, so that what ranks is worth a reader's time:
 * - support: at least `minSupport` shared paragraphs (2 by default), so that one coincidence,
 *   which gives rare entities an NPMI near 1, does not dominate;
 * - different communities first: a pair across two communities is what the clustering does not
 *   already show, so all cross-community pairs rank before any pair inside one community;
 * - well-known pairs are left out: a pair of two hubs (both among the `hubs` entities with the
 *   most paragraphs, the ones a reader of the overview sees first, and never more than
 *   `hubShare` of all entities, so that a small corpus is not all hubs) is not unusual even when
 *   its NPMI is high (a capital and its country);
 * - ties: higher NPMI, then more shared paragraphs, then by entity ids, so the order never depends
 *   on anything but the data.
 * One linear pass over the whole pair table keeps the best `limit` pairs.
 */
import { npmi } from '../graph/weights.ts';
import type { PairTable } from '../graph/pair-counts.ts';

export interface PairOptions {
  minSupport: number;
  /** Entities with the most paragraphs counted as hubs; pairs of two hubs are excluded. */
  hubs: number;
  /** At most this share of the entities are hubs. */
  hubShare: number;
  limit: number;
}

export const DEFAULT_PAIR_OPTIONS: PairOptions = { minSupport: 2, hubs: 50, hubShare: 0.01, limit: 100 };

export interface UnusualPair {
  /** Index in the pair table. */
  pair: number;
  a: number;
  b: number;
  weight: number;
  npmi: number;
  /** The two ends are in different communities. */
  cross: boolean;
}

/** The best pairs by the rules above, best first. */
export function unusualPairs(
  pairs: PairTable, paragraphCounts: ArrayLike<number>, paragraphs: number, community: Int32Array,
  options: PairOptions = DEFAULT_PAIR_OPTIONS,
): UnusualPair[] {
  const hub = hubFlags(paragraphCounts, Math.min(options.hubs, Math.floor(options.hubShare * paragraphCounts.length)));
  const best: UnusualPair[] = [];
  for (let p = 0; p < pairs.length; p++) {
    const w = pairs.weight[p]!;
    if (w < options.minSupport) continue;
    const a = pairs.a[p]!;
    const b = pairs.b[p]!;
    if (hub[a] && hub[b]) continue;
    const candidate: UnusualPair = {
      pair: p, a, b, weight: w, npmi: npmi(w, paragraphCounts[a]!, paragraphCounts[b]!, paragraphs),
      cross: community[a] !== community[b],
    };
    if (best.length === options.limit && compare(candidate, best[best.length - 1]!) >= 0) continue;
    // Insert in order (binary search); `limit` is small, so the splice is cheap.
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid]!, candidate) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, candidate);
    if (best.length > options.limit) best.pop();
  }
  return best;
}

/** Ranking order: cross-community first, then NPMI, weight, a, b. */
export function compare(x: UnusualPair, y: UnusualPair): number {
  return Number(y.cross) - Number(x.cross) || y.npmi - x.npmi || y.weight - x.weight || x.a - y.a || x.b - y.b;
}

/** The `hubs` entities with the most paragraphs (ties: smaller id), as flags. */
export function hubFlags(paragraphCounts: ArrayLike<number>, hubs: number): Uint8Array {
  const flags = new Uint8Array(paragraphCounts.length);
  if (hubs <= 0) return flags;
  const ranked = Array.from({ length: paragraphCounts.length }, (_, e) => e)
    .sort((x, y) => paragraphCounts[y]! - paragraphCounts[x]! || x - y);
  for (const e of ranked.slice(0, hubs)) flags[e] = 1;
  return flags;
}
