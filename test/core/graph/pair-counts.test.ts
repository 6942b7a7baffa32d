import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairCounter } from '../../../src/core/graph/pair-counts.ts';

function naive(groups: number[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) counts.set(`${g[i]}-${g[j]}`, (counts.get(`${g[i]}-${g[j]}`) ?? 0) + 1);
    }
  }
  return counts;
}

const distinctSorted = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

describe('PairCounter', () => {
  it('counts each pair of a group once, and pairs across groups add up', () => {
    const counter = new PairCounter(4);
    counter.addGroup([1, 2, 5]);
    counter.addGroup([2, 5]);
    counter.addGroup([7]);
    const t = counter.finish();
    expect([...t.a]).toEqual([1, 1, 2]);
    expect([...t.b]).toEqual([2, 5, 5]);
    expect([...t.weight]).toEqual([1, 1, 2]);
    expect(counter.occurrences).toBe(4);
  });

  it('gives the same table as a map of pairs, whatever the buffer size (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.array(fc.nat({ max: 40 }), { maxLength: 12 }).map(distinctSorted), { maxLength: 30 }),
      fc.integer({ min: 1, max: 50 }),
      (groups, buffer) => {
        const counter = new PairCounter(buffer);
        for (const g of groups) counter.addGroup(g);
        const t = counter.finish();
        const got = new Map<string, number>();
        for (let p = 0; p < t.length; p++) {
          expect(t.a[p]! < t.b[p]!).toBe(true);
          if (p > 0) expect(t.a[p - 1]! < t.a[p]! || (t.a[p - 1] === t.a[p] && t.b[p - 1]! < t.b[p]!)).toBe(true);
          got.set(`${t.a[p]}-${t.b[p]}`, t.weight[p]!);
        }
        expect(got).toEqual(naive(groups));
      },
    ));
  });

  it('keeps pair keys exact for entity ids near 2^24', () => {
    const counter = new PairCounter();
    counter.addGroup([2 ** 24 - 2, 2 ** 24 - 1]);
    const t = counter.finish();
    expect([t.a[0], t.b[0]]).toEqual([2 ** 24 - 2, 2 ** 24 - 1]);
  });
});
