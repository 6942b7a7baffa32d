import { describe, expect, it } from 'vitest';
import { detectCommunities, weightThreshold } from '../../../src/core/graph/communities.ts';
import { pairTable } from './table.ts';

/** Two 4-cliques (0-3 and 4-7) joined by one weak pair, plus 8 hanging off 7 and 9 alone. */
const twoCliques = () => {
  const triples: [number, number, number][] = [];
  for (const base of [0, 4]) {
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) triples.push([base + i, base + j, 3]);
  }
  triples.push([3, 4, 1], [7, 8, 1]);
  return pairTable(triples);
};

describe('detectCommunities', () => {
  it('finds the two cliques, largest first, and gives every entity a community', () => {
    const c = detectCommunities(10, twoCliques(), { resolution: 1, seed: 1, maxEdges: 100 });
    const of = (e: number) => c.community[e];
    expect(new Set([0, 1, 2, 3].map(of)).size).toBe(1);
    expect(new Set([4, 5, 6, 7, 8].map(of)).size).toBe(1);
    expect(of(0)).not.toBe(of(4));
    expect(of(4)).toBe(0); // the clique with 8 attached is the larger one
    expect(of(9)).toBe(2); // alone: a community of its own
    expect(c.count).toBe(3);
    expect(c.modularity).toBeGreaterThan(0.3);
  });

  it('leaves the weakest pairs to propagation when maxEdges is small, and still places them', () => {
    const c = detectCommunities(10, twoCliques(), { resolution: 1, seed: 1, maxEdges: 12 });
    expect(c.minWeight).toBe(3);
    expect(c.edges).toBe(12);
    expect(c.community[8]).toBe(c.community[7]); // 8 only has a weight-1 pair: it joins 7's community
  });

  it('repeats exactly with the same seed', () => {
    const run = () => Array.from(detectCommunities(10, twoCliques(), { resolution: 1, seed: 7, maxEdges: 100 }).community);
    expect(run()).toEqual(run());
  });

  it('splits more with a higher resolution', () => {
    const low = detectCommunities(10, twoCliques(), { resolution: 0.1, seed: 1, maxEdges: 100 });
    const high = detectCommunities(10, twoCliques(), { resolution: 3, seed: 1, maxEdges: 100 });
    expect(high.count).toBeGreaterThan(low.count);
  });
});

describe('weightThreshold', () => {
  it('is the smallest weight that keeps at most maxEdges pairs', () => {
    const t = pairTable([[0, 1, 1], [0, 2, 2], [0, 3, 2], [0, 4, 5]]);
    expect(weightThreshold(t, 10)).toBe(1);
    expect(weightThreshold(t, 3)).toBe(2);
    expect(weightThreshold(t, 2)).toBe(5);
    expect(weightThreshold(t, 0)).toBe(6);
  });
});
