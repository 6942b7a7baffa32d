/** A pair table from [a, b, weight] triples, for tests. */
import type { PairTable } from '../../../src/core/graph/pair-counts.ts';

export function pairTable(triples: [number, number, number][]): PairTable {
  const sorted = [...triples].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return {
    length: sorted.length,
    a: Uint32Array.from(sorted.map((t) => t[0])),
    b: Uint32Array.from(sorted.map((t) => t[1])),
    weight: Uint32Array.from(sorted.map((t) => t[2])),
  };
}
