/**
 * A graph whose Louvain partition depends on the seed: 12 cliques of 6 in a ring, each joined to
 * the next by links as heavy as its own, with weights 1–3 so a weight threshold cuts some.
 */
import type { PairTable } from '../../../src/core/graph/pair-counts.ts';
import { pairTable } from '../graph/table.ts';

export function ringOfCliques(): { entities: number; pairs: PairTable } {
  const size = 6;
  const cliques = 12;
  const triples: [number, number, number][] = [];
  for (let c = 0; c < cliques; c++) {
    const base = c * size;
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) triples.push([base + i, base + j, 1 + ((i + j + c) % 3)]);
    const next = ((c + 1) % cliques) * size;
    for (let i = 0; i < 3; i++) triples.push([Math.min(base + i, next + i), Math.max(base + i, next + i), 2 + (i % 2)]);
  }
  return { entities: cliques * size, pairs: pairTable(triples) };
}
