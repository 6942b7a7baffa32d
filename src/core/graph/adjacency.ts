/**
 * Per-entity views of the complete pair table: degree and strength (summed weight), and each
 * entity's strongest neighbours. Neighbour lists come from one counting sort of the pairs by
 * weight, so building them for 600,000 entities and 27 million pairs stays linear.
 */
import type { PairTable } from './pair-counts.ts';

export interface Adjacency {
  degree: Uint32Array;
  strength: Float64Array;
  /** Up to `k` pair indexes per entity, strongest first: slots [e * k, e * k + count[e]). */
  top: Uint32Array;
  topCount: Uint8Array;
  k: number;
}

export function buildAdjacency(entities: number, pairs: PairTable, k: number): Adjacency {
  if (!(k >= 1 && k <= 255)) throw new RangeError(`neighbour list length ${k}: expected 1 to 255`);
  const degree = new Uint32Array(entities);
  const strength = new Float64Array(entities);
  let maxWeight = 0;
  for (let p = 0; p < pairs.length; p++) {
    const a = pairs.a[p]!;
    const b = pairs.b[p]!;
    const w = pairs.weight[p]!;
    degree[a] = degree[a]! + 1;
    degree[b] = degree[b]! + 1;
    strength[a] = strength[a]! + w;
    strength[b] = strength[b]! + w;
    if (w > maxWeight) maxWeight = w;
  }
  const top = new Uint32Array(entities * k);
  const topCount = new Uint8Array(entities);
  for (const p of pairsByWeight(pairs, maxWeight)) {
    const a = pairs.a[p]!;
    const b = pairs.b[p]!;
    for (const e of [a, b]) {
      const filled = topCount[e]!;
      if (filled < k) {
        top[e * k + filled] = p;
        topCount[e] = filled + 1;
      }
    }
  }
  return { degree, strength, top, topCount, k };
}

/** Pair indexes by weight, heaviest first; equal weights keep the table's (a, b) order. */
export function pairsByWeight(pairs: PairTable, maxWeight: number): Uint32Array {
  const starts = new Uint32Array(maxWeight + 2);
  for (let p = 0; p < pairs.length; p++) {
    const slot = maxWeight - pairs.weight[p]! + 1;
    starts[slot] = starts[slot]! + 1;
  }
  for (let w = 1; w < starts.length; w++) starts[w] = starts[w]! + starts[w - 1]!;
  const order = new Uint32Array(pairs.length);
  for (let p = 0; p < pairs.length; p++) {
    const slot = maxWeight - pairs.weight[p]!;
    order[starts[slot]!] = p;
    starts[slot] = starts[slot]! + 1;
  }
  return order;
}
