import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_PAIR_OPTIONS, hubFlags, unusualPairs } from '../../../src/core/standouts/unusual-pairs.ts';
import { pairTable } from '../graph/table.ts';

/** npmi exactly as the issue defines it. */
const npmiOf = (w: number, pa: number, pb: number, n: number) => Math.log((w / n) / ((pa / n) * (pb / n))) / -Math.log(w / n);

describe('unusualPairs', () => {
  // 1000 paragraphs. 0 and 1 are hubs (400 and 300 paragraphs, 200 together); 2 and 3 appear in
  // 5 and 4 paragraphs, 3 of them together (the planted pair); 4 and 5 share one paragraph only.
  const paragraphs = [400, 300, 5, 4, 2, 2, 50];
  const community = Int32Array.from([0, 0, 1, 2, 1, 2, 0]);
  const pairs = pairTable([[0, 1, 200], [2, 3, 3], [4, 5, 1], [0, 6, 20], [1, 2, 2], [0, 3, 2]]);
  const options = { ...DEFAULT_PAIR_OPTIONS, hubs: 2, hubShare: 1 };

  it('finds the planted pair first, with the NPMI of the definition', () => {
    const top = unusualPairs(pairs, paragraphs, 1000, community, options);
    expect(top[0]).toMatchObject({ a: 2, b: 3, weight: 3, cross: true });
    expect(top[0]!.npmi).toBeCloseTo(npmiOf(3, 5, 4, 1000), 12);
  });

  it('leaves out the hub pair and the pair seen once', () => {
    const top = unusualPairs(pairs, paragraphs, 1000, community, options);
    const listed = top.map((p) => `${p.a}-${p.b}`);
    expect(listed).not.toContain('0-1');
    expect(listed).not.toContain('4-5');
    expect(listed).toContain('0-6'); // one hub with a non-hub is kept
  });

  it('puts every cross-community pair before a same-community one', () => {
    const top = unusualPairs(pairs, paragraphs, 1000, community, options);
    expect(top.map((p) => p.cross)).toEqual([true, true, true, false]);
    expect(top.at(-1)).toMatchObject({ a: 0, b: 6 }); // same community, high NPMI, still last
  });

  it('equals the naive filter-and-sort on any table', () => {
    const input = fc.integer({ min: 2, max: 12 }).chain((n) => fc.record({
      n: fc.constant(n),
      edges: fc.uniqueArray(
        fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 1, max: 5 })).filter(([a, b]) => a < b),
        { selector: ([a, b]) => `${a} ${b}`, maxLength: 30 },
      ),
      extra: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n, maxLength: n }),
      assign: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
      hubs: fc.integer({ min: 0, max: 4 }),
      limit: fc.integer({ min: 1, max: 8 }),
    }));
    fc.assert(fc.property(input, ({ n, edges, extra, assign, hubs, limit }) => {
      // An entity's paragraphs are at least its largest pair weight.
      const counts = extra.map((x, e) => x + Math.max(1, ...edges.filter(([a, b]) => a === e || b === e).map(([, , w]) => w)));
      const total = counts.reduce((s, x) => s + x, 0) + 1;
      const community = Int32Array.from(assign);
      const hub = [...counts.keys()].sort((x, y) => counts[y]! - counts[x]! || x - y).slice(0, hubs);
      const want = edges
        .filter(([a, b, w]) => w >= 2 && !(hub.includes(a) && hub.includes(b)))
        .map(([a, b, w]) => ({ a, b, w, cross: assign[a] !== assign[b], npmi: npmiOf(w, counts[a]!, counts[b]!, total) }))
        .sort((x, y) => Number(y.cross) - Number(x.cross) || y.npmi - x.npmi || y.w - x.w || x.a - y.a || x.b - y.b)
        .slice(0, limit);
      const got = unusualPairs(pairTable(edges), counts, total, community, { minSupport: 2, hubs, hubShare: 1, limit });
      expect(got.map((p) => [p.a, p.b])).toEqual(want.map((p) => [p.a, p.b]));
      got.forEach((p, i) => expect(p.npmi).toBeCloseTo(want[i]!.npmi, 12));
    }));
  });
});

describe('unusualPairs on a small corpus', () => {
  it('counts at most hubShare of the entities as hubs, so a pair of the two biggest can still rank', () => {
    const paragraphs = [400, 300, 5, 4, 2, 2, 50];
    const top = unusualPairs(pairTable([[0, 1, 200]]), paragraphs, 1000, Int32Array.from([0, 1, 0, 0, 0, 0, 0]), { ...DEFAULT_PAIR_OPTIONS, hubs: 2 });
    expect(top.map((p) => [p.a, p.b])).toEqual([[0, 1]]); // 1% of 7 entities: no hub
    expect(unusualPairs(pairTable([[0, 1, 200]]), paragraphs, 1000, Int32Array.from([0, 1, 0, 0, 0, 0, 0]), { ...DEFAULT_PAIR_OPTIONS, hubs: 2, hubShare: 0.3 })).toEqual([]);
  });
});

describe('hubFlags', () => {
  it('flags the k entities with most paragraphs, ties to the smaller id', () => {
    expect(Array.from(hubFlags([5, 9, 5, 1], 2))).toEqual([1, 1, 0, 0]);
    expect(Array.from(hubFlags([5, 9, 5, 1], 0))).toEqual([0, 0, 0, 0]);
  });
});
