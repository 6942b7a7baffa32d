import { describe, expect, it } from 'vitest';
import { buildAdjacency, pairsByWeight } from '../../../src/core/graph/adjacency.ts';
import { pairTable } from './table.ts';

describe('buildAdjacency', () => {
  const pairs = pairTable([[0, 1, 5], [0, 2, 1], [0, 3, 3], [1, 2, 2]]);

  it('counts degree and strength over the whole table', () => {
    const adj = buildAdjacency(4, pairs, 2);
    expect([...adj.degree]).toEqual([3, 2, 2, 1]);
    expect([...adj.strength]).toEqual([9, 7, 3, 3]);
  });

  it('lists each entity\'s strongest neighbours first, at most k', () => {
    const adj = buildAdjacency(4, pairs, 2);
    const neighbours = (e: number) =>
      Array.from(adj.top.subarray(e * 2, e * 2 + adj.topCount[e]!), (p) => (pairs.a[p] === e ? pairs.b[p] : pairs.a[p]));
    expect(neighbours(0)).toEqual([1, 3]);
    expect(neighbours(2)).toEqual([1, 0]);
    expect(neighbours(3)).toEqual([0]);
  });

  it('rejects a neighbour list length it cannot store', () => {
    expect(() => buildAdjacency(1, pairs, 0)).toThrow(/1 to 255/);
  });
});

describe('pairsByWeight', () => {
  it('orders pairs heaviest first and keeps (a, b) order among equals', () => {
    const t = pairTable([[0, 1, 2], [0, 2, 7], [1, 2, 2], [2, 3, 1]]);
    expect([...pairsByWeight(t, 7)]).toEqual([1, 0, 2, 3]);
  });
});
