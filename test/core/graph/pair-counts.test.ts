import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPairs, type RowLists } from '../../../src/core/graph/pair-counts.ts';

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

/** Paragraph groups as rows, and the same incidences by entity. */
function lists(groups: number[][], entities: number): { members: RowLists; postings: RowLists } {
  const rows = (of: number[][]): RowLists => {
    const offsets = new Uint32Array(of.length + 1);
    of.forEach((row, r) => { offsets[r + 1] = offsets[r]! + row.length; });
    return { offsets, ids: Uint32Array.from(of.flat()) };
  };
  const byEntity: number[][] = Array.from({ length: entities }, () => []);
  groups.forEach((g, p) => { for (const e of g) byEntity[e]!.push(p); });
  return { members: rows(groups), postings: rows(byEntity) };
}

function count(groups: number[][], entities = Math.max(0, ...groups.flat()) + 1) {
  const { members, postings } = lists(groups, entities);
  return countPairs(members, postings);
}

describe('countPairs', () => {
  it('counts each pair of a paragraph once, and pairs across paragraphs add up', () => {
    const { pairs: t, occurrences } = count([[1, 2, 5], [2, 5], [7], []]);
    expect([...t.a]).toEqual([1, 1, 2]);
    expect([...t.b]).toEqual([2, 5, 5]);
    expect([...t.weight]).toEqual([1, 1, 2]);
    expect(t.length).toBe(3);
    expect(occurrences).toBe(4);
  });

  it('gives the same table as a map of pairs, sorted by (a, b) (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.array(fc.nat({ max: 40 }), { maxLength: 12 }).map(distinctSorted), { maxLength: 30 }),
      (groups) => {
        const { pairs: t, occurrences } = count(groups, 41);
        const got = new Map<string, number>();
        for (let p = 0; p < t.length; p++) {
          expect(t.a[p]! < t.b[p]!).toBe(true);
          if (p > 0) expect(t.a[p - 1]! < t.a[p]! || (t.a[p - 1] === t.a[p] && t.b[p - 1]! < t.b[p]!)).toBe(true);
          got.set(`${t.a[p]}-${t.b[p]}`, t.weight[p]!);
        }
        expect(got).toEqual(naive(groups));
        expect(occurrences).toBe(groups.reduce((sum, g) => sum + (g.length * (g.length - 1)) / 2, 0));
      },
    ));
  });

  it('grows past its first guess of the number of pairs', () => {
    const clique = Array.from({ length: 60 }, (_, i) => i);
    const { pairs } = count([clique]);
    expect(pairs.length).toBe((60 * 59) / 2);
    expect([pairs.a[pairs.length - 1], pairs.b[pairs.length - 1], pairs.weight[0]]).toEqual([58, 59, 1]);
  });

  it('names a paragraph whose entities are not ascending', () => {
    const { members, postings } = lists([[1, 2]], 3);
    members.ids.reverse();
    expect(() => countPairs(members, postings)).toThrow('paragraph 0 does not list entity 1 in ascending order');
  });
});
