import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SLICE_STANDOUTS_OPTIONS, sliceStandouts } from '../../../src/core/standouts/slice-standouts.ts';
import { subsetBase, subsetWeights } from '../../../src/core/slices/subset-graph.ts';
import { bruteStandouts, npmiOf } from './brute-standouts.ts';

interface Fixture {
  postings: number[][];
  edges: [number, number][];
  community: number[];
  inSlice: boolean[];
}

const brute = (f: Fixture, options = SLICE_STANDOUTS_OPTIONS) => bruteStandouts({
  slice: f.postings.map((list) => new Set(list.filter((p) => f.inSlice[p]))),
  edges: f.edges, community: f.community, total: f.inSlice.filter(Boolean).length,
}, options);

function run(f: Fixture, options = SLICE_STANDOUTS_OPTIONS) {
  const paragraphs = f.inSlice.length;
  const base = subsetBase(f.postings.map((l) => Uint32Array.from(l)), f.edges, paragraphs);
  const mask = Uint8Array.from(f.inSlice, Number);
  const weights = subsetWeights(base, { lo: 0, hi: paragraphs, mask });
  return sliceStandouts({
    base, weights, paragraphs: f.inSlice.filter(Boolean).length, community: Int32Array.from(f.community),
    node: (i) => ({ id: i, key: `k${i}`, label: `entity ${i}` }),
  }, options);
}

describe('sliceStandouts', () => {
  // Two communities {0,1,2} and {3,4,5}; 40 paragraphs, the slice is the first 20. Inside it,
  // entity 2 shares 6 paragraphs with 0 and 6 with 3 (a broker there), and 1 and 4 share 3 that
  // nobody else has (the planted pairing). Outside it, 2 only ever meets 0, and 1 and 4 never meet.
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
  const fixture: Fixture = {
    postings: [
      [...range(0, 6), ...range(20, 40)], // 0
      [10, 11, 12, 30], // 1
      [...range(0, 6), ...range(6, 9), ...range(13, 16), ...range(20, 30)], // 2
      [6, 7, 8, 13, 14, 15, 16, 17], // 3
      [10, 11, 12, 35], // 4
      [16, 17, 18, 19], // 5
    ],
    edges: [[0, 1], [0, 2], [1, 2], [2, 3], [3, 4], [3, 5], [4, 5], [1, 4], [0, 4]],
    community: [0, 0, 0, 1, 1, 1],
    inSlice: range(0, 40).map((p) => p < 20),
  };
  const options = { ...SLICE_STANDOUTS_OPTIONS, pairs: { ...SLICE_STANDOUTS_OPTIONS.pairs, hubShare: 0 } };

  it('finds the broker of the slice and its planted pairing, with the scores of their definitions', () => {
    const got = run(fixture, options);
    expect(got.brokers[0]).toMatchObject({ id: 2, key: 'k2', label: 'entity 2', community: 0, strength: 12, score: 0.5 });
    expect(got.brokers[0]!.bridges.map((b) => [b.community, b.weight])).toEqual([[0, 6], [1, 6]]);
    expect(got.pairs[0]).toMatchObject({ source: 1, target: 4, sourceKey: 'k1', targetKey: 'k4', weight: 3, communities: [0, 1] });
    expect(got.pairs[0]!.npmi).toBeCloseTo(npmiOf(3, 3, 3, 20), 4);
    expect(got).toMatchObject(brute(fixture, options));
  });

  it('follows the slice: over the other half, 2 is no broker and 1–4 no pairing', () => {
    const other = { ...fixture, inSlice: fixture.inSlice.map((x) => !x) };
    const got = run(other, options);
    expect(got.brokers.map((b) => b.id)).not.toContain(2);
    expect(got.pairs.map((p) => [p.source, p.target])).not.toContainEqual([1, 4]);
    expect(got).toMatchObject(brute(other, options));
  });

  it('equals the definitions computed from the postings on any slice of any graph', () => {
    const input = fc.integer({ min: 2, max: 10 }).chain((n) => fc.record({
      postings: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 29 }), { maxLength: 15 }).map((l) => l.sort((x, y) => x - y)), { minLength: n, maxLength: n }),
      edges: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })).filter(([a, b]) => a < b), { selector: ([a, b]) => `${a} ${b}`, maxLength: 25 }),
      community: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      inSlice: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
      minStrength: fc.integer({ min: 1, max: 6 }),
    }));
    fc.assert(fc.property(input, ({ minStrength, ...f }) => {
      const opts = { brokers: { ...SLICE_STANDOUTS_OPTIONS.brokers, minStrength }, pairs: { ...SLICE_STANDOUTS_OPTIONS.pairs, hubs: 2, hubShare: 1 } };
      expect(run(f, opts)).toMatchObject(brute(f, opts));
    }));
  });
});
