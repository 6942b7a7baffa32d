import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonical, clusterStability, consensusPartition, louvainSeeds, matchToReference, pairGraph, stabilityScores,
} from '../../../src/core/standouts/stability.ts';
import { pairTable } from '../graph/table.ts';

const options = { seeds: 10, firstSeed: 2, resolution: 1 };
const all = (n: number) => Array.from({ length: n }, (_, i) => i);

/** The scores by their definition, with sets. */
function bruteScores(reference: number[], partitions: number[][]) {
  const n = reference.length;
  const members = (labels: number[], x: number) => new Set(all(n).filter((i) => labels[i] === x));
  const communities = [...new Set(reference)].sort((a, b) => a - b);
  const cores = partitions.map((p) => new Map(communities.map((c) => {
    const C = members(reference, c);
    let best = -1;
    let bestJ = -1;
    for (const k of [...new Set(p)].sort((a, b) => a - b)) {
      const K = members(p, k);
      const both = [...C].filter((i) => K.has(i)).length;
      const j = both / new Set([...C, ...K]).size;
      if (j > bestJ) { bestJ = j; best = k; }
    }
    return [c, { k: best, j: bestJ }];
  })));
  return {
    communities: communities.map((c) => ({
      id: c, size: members(reference, c).size, score: cores.reduce((s, core) => s + core.get(c)!.j, 0) / partitions.length,
    })),
    entities: all(n).map((i) => cores.filter((core, s) => partitions[s]![i] === core.get(reference[i]!)!.k).length / partitions.length),
  };
}

describe('stabilityScores', () => {
  it('equals the set-based definition on any partitions', () => {
    const input = fc.integer({ min: 1, max: 15 }).chain((n) => fc.record({
      reference: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
      partitions: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 5 }),
    }));
    fc.assert(fc.property(input, ({ reference, partitions }) => {
      const canon = partitions.map((p) => canonical(Int32Array.from(p)));
      const got = stabilityScores(Int32Array.from(reference), canon);
      const want = bruteScores(reference, canon.map((p) => Array.from(p)));
      expect(got.communities.map((c) => c.id)).toEqual(want.communities.map((c) => c.id));
      got.communities.forEach((c, i) => {
        expect(c.size).toBe(want.communities[i]!.size);
        expect(c.score).toBeCloseTo(want.communities[i]!.score, 12);
      });
      expect(Array.from(got.entities)).toEqual(want.entities);
    }));
  });

  it('gives 1 to a community every partition finds, and less to one split in half', () => {
    const reference = Int32Array.from([0, 0, 0, 0, 1, 1]);
    const split = canonical(Int32Array.from([0, 0, 1, 1, 2, 2]));
    const { communities, entities } = stabilityScores(reference, [split, canonical(reference.slice())]);
    expect(communities).toEqual([{ id: 0, size: 4, score: (0.5 + 1) / 2 }, { id: 1, size: 4 - 2, score: 1 }]);
    expect(Array.from(entities)).toEqual([1, 1, 0.5, 0.5, 1, 1]);
  });
});

describe('louvainSeeds and clusterStability on graphs built to be stable or not', () => {
  it('finds three disjoint cliques with every seed: every score is 1', () => {
    const triples: [number, number, number][] = [];
    for (const base of [0, 5, 10]) for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) triples.push([base + i, base + j, 2]);
    const pairs = pairTable(triples);
    const community = Int32Array.from(all(15), (e) => Math.floor(e / 5));
    const runs = louvainSeeds(pairGraph(pairs, all(pairs.length)), options);
    expect(runs.seeds).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const s = clusterStability(runs, pairs, 1, community);
    expect(s.communities.map((c) => c.score)).toEqual([1, 1, 1]);
    expect(Array.from(s.entities)).toEqual(all(15).map(() => 1));
    expect(Array.from(s.consensus)).toEqual(Array.from(community));
  });

  it('scores a ring, which any seed cuts somewhere else, below 1, and repeats exactly', () => {
    const n = 24;
    const pairs = pairTable(all(n).map((i) => [Math.min(i, (i + 1) % n), Math.max(i, (i + 1) % n), 1] as [number, number, number]));
    const community = Int32Array.from(all(n), (e) => Math.floor(e / 6));
    const run = () => clusterStability(louvainSeeds(pairGraph(pairs, all(n)), options), pairs, 1, community);
    const s = run();
    expect(new Set(s.partitions.map((p) => p.join())).size).toBeGreaterThan(1);
    expect(Math.max(...s.communities.map((c) => c.score))).toBeLessThan(1);
    expect(Math.min(...s.entities)).toBeLessThan(1);
    expect(run()).toEqual(s);
  });
});

describe('consensusPartition', () => {
  it('joins the ends of a link together in more than half the partitions, and only those', () => {
    const links: [number, number][] = [[0, 1], [1, 2], [2, 3]];
    const partitions = [[0, 0, 0, 1], [0, 0, 1, 1], [0, 0, 1, 1]].map((p) => Int32Array.from(p));
    // 0-1 together 3/3, 1-2 together 1/3, 2-3 together 2/3.
    expect(Array.from(consensusPartition(4, links, partitions))).toEqual([0, 0, 1, 1]);
    // A tie (half) does not join.
    expect(Array.from(consensusPartition(4, links, partitions.slice(0, 2)))).toEqual([0, 0, 1, 2]);
  });
});

describe('matchToReference', () => {
  it('names clusters after communities one to one, largest overlap first; the split-off part is -1', () => {
    const reference = Int32Array.from([3, 3, 3, 3, 7, 7]);
    expect(Array.from(matchToReference(reference, Int32Array.from([0, 0, 0, 1, 2, 2])))).toEqual([3, 3, 3, -1, 7, 7]);
    expect(Array.from(matchToReference(reference, Int32Array.from([0, 0, 0, 0, 0, 0])))).toEqual([3, 3, 3, 3, 3, 3]);
  });
});
