import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listRows, matchesFilter, sortPositions, type RowList } from '../../../src/app/panels/paragraph-order.ts';
import type { ListKeys } from '../../../src/app/panels/paragraph-order.ts';

const keysOf = (rows: { cable: number; day: number; entities: number }[]): ListKeys => ({
  cable: Uint32Array.from(rows.map((r) => r.cable)),
  day: Float64Array.from(rows.map((r) => r.day)),
  entities: Uint32Array.from(rows.map((r) => r.entities)),
});

describe('sortPositions', () => {
  const ids = [10, 11, 12, 20, 30];
  const keys = keysOf([
    { cable: 1, day: 200, entities: 2 },
    { cable: 1, day: 200, entities: 5 },
    { cable: 1, day: 200, entities: 1 },
    { cable: 2, day: Number.NaN, entities: 3 },
    { cable: 3, day: 100, entities: 5 },
  ]);
  it('sortPositions orders by date either way (undated last), by entities, or by id', () => {
    expect([...sortPositions(ids, keys, 'date-asc')]).toEqual([4, 0, 1, 2, 3]);
    expect([...sortPositions(ids, keys, 'date-desc')]).toEqual([0, 1, 2, 4, 3]);
    expect([...sortPositions(ids, keys, 'entities')]).toEqual([1, 4, 3, 0, 2]);
    expect([...sortPositions(ids, keys, 'cable')]).toEqual([0, 1, 2, 3, 4]);
    expect([...sortPositions(ids, null, 'date-asc')]).toEqual([0, 1, 2, 3, 4]);
  });

  it('sortPositions gives a permutation whose dates never go backwards', () => {
    const row = fc.record({ cable: fc.nat(5), day: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant(Number.NaN)), entities: fc.nat(9) });
    fc.assert(fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
      const ids = rows.map((_, i) => i * 3);
      const keys = keysOf(rows);
      for (const mode of ['date-asc', 'date-desc'] as const) {
        const order = [...sortPositions(ids, keys, mode)];
        expect([...order].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
        const days = order.map((p) => keys.day[p]!);
        const known = days.filter((d) => !Number.isNaN(d));
        expect(days.slice(0, known.length)).toEqual(known);
        for (let i = 1; i < known.length; i++) expect(mode === 'date-asc' ? known[i]! >= known[i - 1]! : known[i]! <= known[i - 1]!).toBe(true);
      }
    }));
  });
});

describe('listRows', () => {
  const all = (rows: RowList) => Array.from({ length: rows.length }, (_, i) => rows.at(i));
  it('listRows keeps what the filter keeps and, grouped, heads each cable once in order of first appearance', () => {
    const cable = [7, 8, 7, 9];
    const plain = listRows([0, 1, 2, 3], null, null);
    expect(all(plain)).toEqual([0, 1, 2, 3].map((position) => ({ kind: 'paragraph', position })));
    expect(plain.paragraphs).toBe(4);
    const grouped = listRows([3, 2, 1, 0], (p) => p !== 1, (p) => cable[p]!);
    expect(all(grouped)).toEqual([
      { kind: 'cable', cable: 9, paragraphs: 1, position: 3 },
      { kind: 'paragraph', position: 3 },
      { kind: 'cable', cable: 7, paragraphs: 2, position: 2 },
      { kind: 'paragraph', position: 2 },
      { kind: 'paragraph', position: 0 },
    ]);
    expect(grouped.paragraphs).toBe(3);
    const filtered = listRows([3, 2, 1, 0], (p) => p % 2 === 0, null);
    expect(all(filtered)).toEqual([{ kind: 'paragraph', position: 2 }, { kind: 'paragraph', position: 0 }]);
    expect(filtered.paragraphs).toBe(2);
  });
});

describe('matchesFilter', () => {
  it('matchesFilter finds a word in any case, across line breaks, and an empty filter keeps all', () => {
    expect(matchesFilter('The Nuclear\nprogramme', 'nuclear programme')).toBe(true);
    expect(matchesFilter('ÉLECTIONS', 'élections')).toBe(true);
    expect(matchesFilter('sanctions', 'nuclear')).toBe(false);
    expect(matchesFilter('anything', '  ')).toBe(true);
  });
});
